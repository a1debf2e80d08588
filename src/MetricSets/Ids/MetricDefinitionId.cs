namespace MetricSets;

/// <summary>
/// Identifies a <see cref="MetricDefinition"/> in the global catalogue, stored in <c>metric_definitions.id</c>.
/// </summary>
[StronglyTypedId]
public readonly partial struct MetricDefinitionId;
