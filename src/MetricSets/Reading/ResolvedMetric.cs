namespace MetricSets;

/// <summary>One definition of a resolved metric set, with a member's latest value.</summary>
/// <remarks>New optional members may be added in later versions; construct instances with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class ResolvedMetric
{
    /// <summary>Gets the definition.</summary>
    public required MetricDefinitionId DefinitionId { get; init; }

    /// <summary>Gets its slug.</summary>
    public required MetricSlug Slug { get; init; }

    /// <summary>Gets its name in the requested language (exact tag, then parents, then the default language).</summary>
    public required string Name { get; init; }

    /// <summary>Gets what it measures.</summary>
    public required MetricKind Kind { get; init; }

    /// <summary>Gets the unit <see cref="LatestValue"/> is reported in, from the requested <see cref="UnitPreference"/>.</summary>
    public required MetricUnit Unit { get; init; }

    /// <summary>Gets the latest value converted to <see cref="Unit"/>, or <see langword="null"/> when there is none.</summary>
    public MetricValue? LatestValue { get; init; }

    /// <summary>Gets the latest value as recorded, or <see langword="null"/>.</summary>
    public MetricReading? Latest { get; init; }
}
