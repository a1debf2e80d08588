namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>Runs each <see cref="ILeaderboardReader"/> call as a span (<c>metricsets.get_leaderboard</c>).</summary>
internal sealed class InstrumentedLeaderboardReader(ILeaderboardReader inner, MetricSetsTelemetry telemetry) : ILeaderboardReader
{
    public Task<MetricPage<LeaderboardEntry>> GetLeaderboardAsync(MetricViewer viewer, MetricLeaderboardQuery query, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetLeaderboard, viewer, () => inner.GetLeaderboardAsync(viewer, query, cancellationToken));
}
