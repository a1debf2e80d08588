namespace MetricSets;

/// <summary>
/// Thrown when an operation conflicts with the stored state, for example deleting a definition that is still used
/// by metric sets, creating a slug that exists, or adding a definition to a set twice.
/// </summary>
public sealed class MetricConflictException : MetricSetsException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What conflicts, and with what.</param>
    public MetricConflictException(string message)
        : base(message)
    {
    }
}
