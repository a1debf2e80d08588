namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Runs each <see cref="IMemberMetricRecorder"/> call as a span (<c>metricsets.record</c>, <c>metricsets.record_many</c>,
/// <c>metricsets.delete_value</c>), counts the values recorded and replayed, and audits the writes.
/// </summary>
internal sealed class InstrumentedMemberMetricRecorder(IMemberMetricRecorder inner, MetricSetsTelemetry telemetry) : IMemberMetricRecorder
{
    public Task<MetricReading> RecordAsync(MetricViewer actor, RecordMetricRequest request, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(
            MetricSetsOperation.Record,
            actor,
            () => inner.RecordAsync(actor, request, cancellationToken),
            (call, reading) => telemetry.Recorded(actor, reading, call.WasReplayed));

    public Task<RecordManyResult> RecordManyAsync(
        MetricViewer actor, IEnumerable<RecordMetricRequest> requests, RecordManyOptions? options = null, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(
            MetricSetsOperation.RecordMany,
            actor,
            () => inner.RecordManyAsync(actor, requests, options, cancellationToken),
            (_, result) => telemetry.RecordedInBulk(actor, result));

    public Task DeleteAsync(MetricViewer actor, MemberMetricId id, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(
            MetricSetsOperation.DeleteValue, actor, () => inner.DeleteAsync(actor, id, cancellationToken), call => telemetry.ValueDeleted(actor, id, call.LastAllowed));
}
