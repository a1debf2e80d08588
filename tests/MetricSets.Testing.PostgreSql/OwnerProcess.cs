namespace MetricSets.Testing.PostgreSql;

/// <summary>A process named so that a recycled id does not pass for it: its id and its start time (<see cref="OsProcess.StartTime"/>).</summary>
/// <param name="ProcessId">The process id.</param>
/// <param name="StartTime">When it started, in clock ticks after boot.</param>
internal sealed record OwnerProcess(int ProcessId, long StartTime);
