namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>A metric set resolved for one member: its definitions in order, each with the member's latest value.</summary>
/// <param name="Id">The set.</param>
/// <param name="Name">The set's name.</param>
/// <param name="Owner">The set's owner.</param>
/// <param name="MemberId">The member the values are for.</param>
/// <param name="Metrics">The definitions in the set's order.</param>
public sealed record ResolvedMetricSet(MetricSetId Id, string Name, MetricOwner Owner, UserId MemberId, IReadOnlyList<ResolvedMetric> Metrics);
