using MetricSets.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// Whether reads should try the replica, shared by every scope: after a failure they skip it for
/// <see cref="MetricSetsReplicaOptions.RetryAfter"/>, then one read tries again. The first failure of each window is
/// logged as a warning, and the first success after failures as the replica's return.
/// </summary>
/// <remarks>The clock is the host's <see cref="IClock"/>, so a test can move past the window without waiting.</remarks>
internal sealed class ReplicaHealth(IClock clock, IOptions<MetricSetsOptions> options, MetricSetsTelemetry telemetry)
{
    private long _retryAtTicks = long.MinValue;
    private int _failing;

    /// <summary>Gets whether the replica failed within the last <see cref="MetricSetsReplicaOptions.RetryAfter"/>.</summary>
    public bool IsResting => Now() < Volatile.Read(ref _retryAtTicks);

    /// <summary>Notes that the replica failed: reads skip it until the window ends.</summary>
    public void Failed(Exception exception)
    {
        var retryAfter = options.Value.Replicas.RetryAfter;
        var now = Now();
        var previous = Volatile.Read(ref _retryAtTicks);

        // Of the reads that fail at once, the one that opens the window reports it.
        if (previous <= now && Interlocked.CompareExchange(ref _retryAtTicks, now + retryAfter.BclCompatibleTicks, previous) == previous)
        {
            Volatile.Write(ref _failing, 1);
            telemetry.ReplicaUnavailable(exception, retryAfter);
        }
    }

    /// <summary>Notes that the replica answered.</summary>
    public void Answered()
    {
        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            telemetry.ReplicaAvailable();
        }
    }

    private long Now() => clock.GetCurrentInstant().ToUnixTimeTicks();
}
