using Microsoft.Extensions.Logging;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The read replica's state changes, under the category <see cref="MetricSetsDiagnostics.ReplicaLogCategory"/>, with
/// stable event ids in the range 1100–1199 (never renumbered or reused). Operational, not an audit: no user or value.
/// </summary>
internal static partial class MetricSetsReplicaLog
{
    /// <summary>The replica failed and reads go to the primary for a while: 1100.</summary>
    public const int ReplicaUnavailableId = 1100;

    /// <summary>The replica answers again after failing: 1101.</summary>
    public const int ReplicaAvailableId = 1101;

    [LoggerMessage(EventId = ReplicaUnavailableId, EventName = "MetricReplicaUnavailable", Level = LogLevel.Warning,
        Message = "The MetricSets read replica failed ({ErrorType}); reads go to the primary for the next {RetryAfterSeconds} s")]
    public static partial void ReplicaUnavailable(ILogger logger, string errorType, double retryAfterSeconds, Exception exception);

    [LoggerMessage(EventId = ReplicaAvailableId, EventName = "MetricReplicaAvailable", Level = LogLevel.Information,
        Message = "The MetricSets read replica answers again; reads go to it")]
    public static partial void ReplicaAvailable(ILogger logger);
}
