namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>One definition of a resolved metric set, with a member's latest value.</summary>
/// <param name="DefinitionId">The definition.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Name">Its name in the requested language (exact tag, then parents, then the default language).</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Unit">The unit <see cref="LatestValue"/> is reported in, from the requested <see cref="UnitPreference"/>.</param>
/// <param name="LatestValue">The latest value converted to <see cref="Unit"/>, or <see langword="null"/> when there is none.</param>
/// <param name="Latest">The latest value as recorded, or <see langword="null"/>.</param>
public sealed record ResolvedMetric(
    MetricDefinitionId DefinitionId, MetricSlug Slug, string Name, MetricKind Kind, MetricUnit Unit, MetricValue? LatestValue, MetricReading? Latest);
