namespace MetricSets;

/// <summary>
/// Thrown when an operation conflicts with the stored state: a member metric id reused for a different value
/// (<see cref="MetricErrorCode.IdInUse"/>), a slug that exists (<see cref="MetricErrorCode.SlugInUse"/>), a definition
/// still in use (<see cref="MetricErrorCode.DefinitionInUse"/>), a definition added to a set twice
/// (<see cref="MetricErrorCode.DefinitionAlreadyInSet"/>).
/// </summary>
public sealed class MetricConflictException : MetricSetsException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="code">What conflicts: one of the conflict codes.</param>
    /// <param name="message">What conflicts, and with what.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public MetricConflictException(MetricErrorCode code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
