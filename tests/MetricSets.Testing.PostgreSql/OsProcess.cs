using System.Globalization;

namespace MetricSets.Testing.PostgreSql;

/// <summary>What Linux's <c>/proc</c> says about a process: whether it still runs, and when it started.</summary>
/// <remarks>
/// A zombie (ended, not yet reaped by its parent) counts as ended: it holds no port, file or lock. A process that the
/// server's tools detach, like the postmaster or the watchdog, is re-parented to PID 1, which on some machines never
/// reaps it, so the zombie may outlive the test. Reads <c>/proc</c> afresh on every call; thread-safe.
/// </remarks>
public static class OsProcess
{
    /// <summary>Returns whether process <paramref name="processId"/> exists and has not ended.</summary>
    /// <param name="processId">The process id.</param>
    /// <returns><see langword="true"/> when it runs (or sleeps); <see langword="false"/> when absent or a zombie.</returns>
    public static bool IsRunning(int processId) => StartTime(processId) is not null;

    /// <summary>
    /// Returns when process <paramref name="processId"/> started, in clock ticks after boot (field 22 of
    /// <c>/proc/PID/stat</c>): with the id, it names one process even after the id is recycled.
    /// </summary>
    /// <param name="processId">The process id.</param>
    /// <returns>The start time, or <see langword="null"/> when the process is absent or a zombie.</returns>
    internal static long? StartTime(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "PID (COMM) STATE PPID …": COMM may hold spaces and parentheses, so split after its last ") ".
        var fields = stat[(stat.LastIndexOf(") ", StringComparison.Ordinal) + 2)..].Split(' ');
        return fields[0] == "Z" ? null : long.Parse(fields[19], CultureInfo.InvariantCulture);
    }
}
