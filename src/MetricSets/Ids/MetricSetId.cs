namespace MetricSets;

/// <summary>
/// Identifies a <see cref="MetricSet"/>, stored in <c>metric_sets.id</c>.
/// </summary>
[StronglyTypedId]
public readonly partial struct MetricSetId;
