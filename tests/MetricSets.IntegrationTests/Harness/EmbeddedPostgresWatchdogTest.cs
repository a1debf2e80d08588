using System.Diagnostics;
using System.Globalization;
using MetricSets.Testing.PostgreSql;
using Npgsql;
using static MetricSets.IntegrationTests.Harness.ServerProbe;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>
/// No server is left behind: a cluster owned by a process that is killed with SIGKILL (so it runs no code of its own)
/// is stopped by its watchdog, and a throwaway one deleted, standbys included; normal disposal still cleans up at once
/// and the watchdog then exits by itself. Each test starts clusters of its own, never the shared test server.
/// </summary>
public sealed class EmbeddedPostgresWatchdogTest
{
    [Fact]
    public async Task A_throwaway_cluster_whose_owner_is_killed_is_stopped_and_deleted()
    {
        using var owner = StartOwner();
        await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { OwnerProcessId = owner.Id });
        var postmaster = PostmasterId(server);
        Assert.Equal(1, await SelectOneAsync(server));

        owner.Kill();

        Assert.True(await WithinAsync(WatchdogLimit, () => !Directory.Exists(server.RootDirectory)), $"{server.RootDirectory} is still there");
        await AssertStoppedAsync(server, postmaster);
    }

    [Fact]
    public async Task A_kept_cluster_whose_owner_is_killed_is_stopped_and_its_files_kept()
    {
        var kept = Directory.CreateTempSubdirectory("metricsets-kept-").FullName;
        try
        {
            using var owner = StartOwner();
            await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { KeptDirectory = kept, OwnerProcessId = owner.Id });
            var postmaster = PostmasterId(server);

            owner.Kill();

            Assert.True(await WithinAsync(WatchdogLimit, () => !File.Exists(PidFile(server))), "postmaster.pid is still there");
            await AssertStoppedAsync(server, postmaster);
            Assert.True(File.Exists(Path.Combine(kept, "data", "PG_VERSION")), "the kept cluster's files were deleted");
            Assert.Empty(Directory.GetFiles(kept, "watchdog-*.lease"));
        }
        finally
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    [Fact]
    public async Task Disposing_stops_and_deletes_at_once_and_the_watchdog_then_exits()
    {
        var server = await EmbeddedPostgres.StartAsync();
        var postmaster = PostmasterId(server);
        Assert.True(OsProcess.IsRunning(server.WatchdogProcessId), "no watchdog runs beside the server");

        await server.DisposeAsync();

        await AssertDisposedAsync(server, postmaster);
    }

    [Fact]
    public async Task A_standby_whose_owner_is_killed_is_stopped_and_deleted_like_its_primary()
    {
        using var owner = StartOwner();
        await using var primary = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { OwnerProcessId = owner.Id });
        await using var standby = await primary.StartStandbyAsync();
        var (primaryPostmaster, standbyPostmaster) = (PostmasterId(primary), PostmasterId(standby));
        Assert.NotEqual(primary.WatchdogProcessId, standby.WatchdogProcessId);

        owner.Kill();

        Assert.True(await WithinAsync(WatchdogLimit, () => !Directory.Exists(standby.RootDirectory)), $"{standby.RootDirectory} is still there");
        Assert.True(await WithinAsync(WatchdogLimit, () => !Directory.Exists(primary.RootDirectory)), $"{primary.RootDirectory} is still there");
        await AssertStoppedAsync(standby, standbyPostmaster);
        await AssertStoppedAsync(primary, primaryPostmaster);
    }

    [Fact]
    public async Task The_watchdog_runs_in_a_session_of_its_own_and_holds_no_pipe_or_socket()
    {
        await using var server = await EmbeddedPostgres.StartAsync();
        var watchdog = server.WatchdogProcessId.ToString(CultureInfo.InvariantCulture);

        var stat = await File.ReadAllTextAsync($"/proc/{watchdog}/stat");
        var session = stat[(stat.LastIndexOf(") ", StringComparison.Ordinal) + 2)..].Split(' ')[3];
        var descriptors = Directory.GetFiles($"/proc/{watchdog}/fd").Select(fd => $"{Path.GetFileName(fd)} -> {new FileInfo(fd).LinkTarget}").ToList();

        Assert.Equal(watchdog, session);
        Assert.Contains("metricsets-pg-watchdog", await File.ReadAllTextAsync($"/proc/{watchdog}/cmdline"), StringComparison.Ordinal);
        Assert.NotEmpty(descriptors);
        Assert.DoesNotContain(descriptors, target => target.Contains("-> pipe:", StringComparison.Ordinal) || target.Contains("-> socket:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Naming_an_owner_that_is_not_running_is_refused()
    {
        int ended;
        using (var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            await process.WaitForExitAsync();
            ended = process.Id;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { OwnerProcessId = ended }));

        Assert.Contains(ended.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    // The watchdog's work once the owner is gone: the postmaster ended, the port closed, and the watchdog itself exited.
    private static async Task AssertStoppedAsync(EmbeddedPostgres server, int postmaster)
    {
        Assert.True(await WithinAsync(WatchdogLimit, () => !OsProcess.IsRunning(postmaster)), $"postmaster {postmaster} still runs");
        Assert.True(RefusesConnections(server.Port), $"port {server.Port} still accepts connections");
        Assert.True(await WithinAsync(WatchdogLimit, () => !OsProcess.IsRunning(server.WatchdogProcessId)), "the watchdog did not exit");
    }

    private static async Task<int> SelectOneAsync(EmbeddedPostgres server)
    {
        // Unpooled: the pool would keep a connection to a server that the test then takes away.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
