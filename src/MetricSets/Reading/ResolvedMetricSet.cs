namespace MetricSets;

/// <summary>A metric set resolved for one member: its definitions in order, each with the member's latest value.</summary>
/// <remarks>New optional members may be added in later versions; construct instances with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class ResolvedMetricSet
{
    /// <summary>Gets the set.</summary>
    public required MetricSetId Id { get; init; }

    /// <summary>Gets the set's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the set's owner.</summary>
    public required MetricOwner Owner { get; init; }

    /// <summary>Gets the member the values are for.</summary>
    public required UserId MemberId { get; init; }

    /// <summary>Gets the definitions in the set's order.</summary>
    public required IReadOnlyList<ResolvedMetric> Metrics { get; init; }
}
