using Microsoft.Extensions.Logging;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>Where reads ran with a replica configured (span tags and a counter), and the replica's failures and returns (logged).</summary>
internal sealed partial class MetricSetsTelemetry
{
    private readonly ILogger _replicas = loggerFactory.CreateLogger(MetricSetsDiagnostics.ReplicaLogCategory);

    /// <summary>Tags the call's span with where its read ran, and why when that is the primary, and counts it.</summary>
    public void ReadRouted(string target, string? reason)
    {
        if (OperationScope.Current?.Activity is { } activity)
        {
            activity.SetTag(TagNames.ReadTarget, target);
            if (reason is not null)
            {
                activity.SetTag(TagNames.ReadReason, reason);
            }
        }

        metrics.ReadRouted(target, reason);
    }

    /// <summary>Logs that the replica failed and reads skip it for <paramref name="retryAfter"/>.</summary>
    public void ReplicaUnavailable(Exception exception, Duration retryAfter) =>
        MetricSetsReplicaLog.ReplicaUnavailable(_replicas, exception.GetType().FullName ?? "_OTHER", retryAfter.TotalSeconds, exception);

    /// <summary>Logs that the replica answers again.</summary>
    public void ReplicaAvailable() => MetricSetsReplicaLog.ReplicaAvailable(_replicas);
}
