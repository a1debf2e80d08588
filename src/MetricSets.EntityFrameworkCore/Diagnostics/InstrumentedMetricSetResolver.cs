namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>Runs each <see cref="IMetricSetResolver"/> call as a span (<c>metricsets.resolve_set</c>).</summary>
internal sealed class InstrumentedMetricSetResolver(IMetricSetResolver inner, MetricSetsTelemetry telemetry) : IMetricSetResolver
{
    public Task<ResolvedMetricSet> ResolveAsync(MetricViewer viewer, MetricSetResolutionQuery query, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.ResolveSet, viewer, () => inner.ResolveAsync(viewer, query, cancellationToken));
}
