namespace MetricSets;

/// <summary>
/// Identifies one recorded <see cref="MemberMetric"/> value, stored in <c>member_metrics.id</c>. Clients may mint it themselves
/// (for example when offline) and use it as an idempotency key: recording the same id twice stores one value.
/// </summary>
[StronglyTypedId]
public readonly partial struct MemberMetricId;
