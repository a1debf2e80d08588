using System.Globalization;

namespace MetricSets.Testing.PostgreSql;

/// <summary>
/// A detached shell that stops a server (a PostgreSQL cluster, a PgBouncer) once the process that owns it is gone,
/// however it ended: a test host killed with SIGKILL, or one whose exit handlers never ran, runs no code of its own to
/// stop its server.
/// </summary>
/// <remarks>
/// The watchdog runs in a session of its own (<c>setsid</c>), so a terminal's signals do not reach it, with standard
/// input, output and error on <c>/dev/null</c> and no other descriptor, so it never holds a pipe of the test host
/// (which would keep <c>dotnet test | tee</c> waiting). It polls twice a second. The owner is named by process id and
/// start time, so a recycled id does not keep it waiting. While its lease path exists and the owner runs, it waits;
/// when the lease goes (normal disposal removed it), it exits; when the owner goes first, it runs the server's stop
/// command (<c>pg_ctl stop -m immediate</c> for a cluster, a SIGKILL for a PgBouncer) and removes the directory it was
/// given, or else the lease. It runs as the caller (root, when the server runs as the postgres OS user, so that it may
/// remove a directory in any parent).
/// </remarks>
internal static class Watchdog
{
    // $0 names the process in ps; then: owner pid, owner start time, lease, directory to remove ("" for a kept
    // cluster), and the rest is the stop command.
    // It first closes every descriptor above 2: a process inherits those its ancestors did not mark close-on-exec (a CI
    // runner's or a shell's pipes), and a watchdog that outlives the test must not keep a reader of them waiting. Then
    // it reports its pid on the pipe it was started with and swaps that pipe for /dev/null: the starter reads to the
    // end of the pipe, so it returns only once the watchdog holds nothing of it.
    private const string Script = """
        owner=$1 started=$2 lease=$3 remove=$4
        shift 4
        for fd in /proc/$$/fd/*; do fd=${fd##*/}; if (( fd > 2 )); then exec {fd}>&-; fi; done
        echo $$
        exec </dev/null >/dev/null 2>&1
        owner_alive() {
          local stat
          read -r stat < "/proc/$owner/stat" || return 1
          set -- ${stat##*) }
          [[ $1 != Z && ${20} == "$started" ]]
        }
        while [[ -e $lease ]] && owner_alive; do sleep 0.5; done
        [[ -e $lease ]] || exit 0
        "$@"
        if [[ -n $remove ]]; then rm -rf -- "$remove"; else rm -f -- "$lease"; fi
        """;

    /// <summary>The name the watchdog's shell carries as <c>$0</c>, so <c>ps</c> tells what it is.</summary>
    public const string ProcessName = "metricsets-pg-watchdog";

    /// <summary>Starts a watchdog and returns its process id.</summary>
    /// <param name="owner">The process whose end stops the server.</param>
    /// <param name="lease">The path whose removal tells the watchdog to exit without doing anything.</param>
    /// <param name="removeDirectory">The directory to delete after the stop, or <see langword="null"/> to keep it.</param>
    /// <param name="stopCommand">The program that stops the server, then its arguments (see <see cref="Command.Line"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The watchdog's process id.</returns>
    public static async Task<int> StartAsync(
        OwnerProcess owner,
        string lease,
        string? removeDirectory,
        IReadOnlyList<string> stopCommand,
        CancellationToken cancellationToken)
    {
        // sh starts the watchdog in the background and exits, so init inherits the watchdog.
        var output = await Command.RunAsync(
            "sh",
            [
                "-c", """setsid "$@" &""", "sh",
                "bash", "-c", Script, ProcessName,
                owner.ProcessId.ToString(CultureInfo.InvariantCulture),
                owner.StartTime.ToString(CultureInfo.InvariantCulture),
                lease, removeDirectory ?? string.Empty,
                .. stopCommand,
            ],
            asUser: null,
            cancellationToken).ConfigureAwait(false);
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Deletes a directory that a watchdog may be deleting at the same time (when the owner was another process that
    /// has ended), or has deleted already.
    /// </summary>
    /// <param name="directory">The directory.</param>
    public static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (FileNotFoundException)
        {
        }
    }
}
