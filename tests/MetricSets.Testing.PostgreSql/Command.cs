using System.Diagnostics;

namespace MetricSets.Testing.PostgreSql;

/// <summary>Runs one command to its end, optionally as another OS user, and fails with what it printed.</summary>
internal static class Command
{
    /// <summary>Runs <paramref name="program"/> and returns its standard output.</summary>
    /// <param name="program">The program's path or name.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
    /// <param name="asUser">The OS user to run it as through <c>runuser</c> (the caller is root), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What the program wrote to standard output.</returns>
    /// <exception cref="InvalidOperationException">The program exited with a non-zero code.</exception>
    public static async Task<string> RunAsync(
        string program, IReadOnlyList<string> arguments, string? asUser, CancellationToken cancellationToken)
    {
        var line = Line(program, arguments, asUser);
        var start = new ProcessStartInfo(line[0])
        {
            // Redirected all three ways, so a command never inherits (and a server it starts never holds) the pipes of
            // the test host.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in line.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();

        // Every server this starts writes to its own log file (pg_ctl -l) and a watchdog to /dev/null, so the pipes reach
        // their end when the command exits.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }

        return await output.ConfigureAwait(false);
    }

    /// <summary>Returns the command line that runs <paramref name="program"/>, through <c>runuser</c> when <paramref name="asUser"/> is set.</summary>
    /// <param name="program">The program's path or name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="asUser">The OS user to run it as (the caller is root), or <see langword="null"/>.</param>
    /// <returns>The program to start, then its arguments.</returns>
    public static IReadOnlyList<string> Line(string program, IReadOnlyList<string> arguments, string? asUser) =>
        asUser is null ? [program, .. arguments] : ["runuser", "-u", asUser, "--", program, .. arguments];
}
