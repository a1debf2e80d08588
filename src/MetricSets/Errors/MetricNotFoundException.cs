namespace MetricSets;

/// <summary>
/// Thrown when an entity the operation needs does not exist (or, where an access policy applies, is not visible
/// to the caller: the two answer alike on purpose).
/// </summary>
public sealed class MetricNotFoundException : MetricSetsException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entity">What was looked for, for example <c>metric definition</c> or <c>member</c>.</param>
    /// <param name="key">The key it was looked for by.</param>
    public MetricNotFoundException(string entity, object key)
        : base($"The {entity} '{key}' does not exist.")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        ArgumentNullException.ThrowIfNull(key);
        Entity = entity;
        Key = key;
    }

    /// <summary>Gets what was looked for, for example <c>metric definition</c>.</summary>
    public string Entity { get; }

    /// <summary>Gets the key it was looked for by.</summary>
    public object Key { get; }
}
