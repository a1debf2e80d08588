namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>Runs each <see cref="IMemberMetricReader"/> call as a span (<c>metricsets.get_latest</c>, …).</summary>
internal sealed class InstrumentedMemberMetricReader(IMemberMetricReader inner, MetricSetsTelemetry telemetry) : IMemberMetricReader
{
    public Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetLatestAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetLatest, viewer, () => inner.GetLatestAsync(viewer, memberId, definitionIds, cancellationToken));

    public Task<MetricReading?> FindLatestAsync(MetricViewer viewer, UserId memberId, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.FindLatest, viewer, () => inner.FindLatestAsync(viewer, memberId, definitionId, cancellationToken));

    public Task<IReadOnlyDictionary<MetricDefinitionId, IReadOnlyList<MetricReading>>> GetLastAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetLast, viewer, () => inner.GetLastAsync(viewer, memberId, definitionIds, count, cancellationToken));

    public Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetPersonalBestsAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetPersonalBests, viewer, () => inner.GetPersonalBestsAsync(viewer, memberId, definitionIds, cancellationToken));

    public Task<MetricPage<MetricReading>> GetHistoryAsync(MetricViewer viewer, MetricHistoryQuery query, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetHistory, viewer, () => inner.GetHistoryAsync(viewer, query, cancellationToken));
}
