using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.Harness;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// A replica that is down or lagging never fails a read: the read goes to the primary, the first failure of each
/// <c>RetryAfter</c> window is logged as a warning (and the replica's return as information), the replica is tried once
/// per window and never retried by the host's <c>EnableRetryOnFailure</c>; and a replica given as a multi-host data source.
/// </summary>
public sealed class ReplicaFallbackTest(ReplicaDatabase database) : IClassFixture<ReplicaDatabase>
{
    [Fact]
    public async Task A_stopped_standby_sends_the_reads_to_the_primary_for_a_window_and_is_used_again_once_back()
    {
        // A standby of its own, since the test takes it away.
        await using var standby = await database.Primary.StartStandbyAsync();
        var (squat, member) = await SetUpAsync(standby);
        var logs = new CapturingLoggerProvider();
        var opens = new OpenLog();
        await using var scope = new ServiceScope(
            database.PrimaryConnectionString,
            o => o.Replicas.ConnectionString = standby.ConnectionStringFor(ReplicaDatabase.Database),
            context: o => o.AddInterceptors(opens),
            npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null),
            services: s => s.AddLogging(logging => logging.AddProvider(logs)));
        using var routes = new ReadRoutes(scope);
        var self = MetricViewer.ForMember(member);
        async Task ReadAsync() => Assert.Equal(90m, (await scope.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
        IReadOnlyList<CapturingLoggerProvider.Entry> Replicas() => [.. logs.Entries.Where(e => e.Category == MetricSetsDiagnostics.ReplicaLogCategory)];

        await ReadAsync();
        Assert.Equal("replica", routes.Last);

        await standby.StopAsync();

        // The pooled connection to the standby breaks: the read is answered by the primary, and the replica rests.
        await ReadAsync();
        Assert.Equal("primary:unavailable", routes.Last);
        var warning = Assert.Single(Replicas());
        Assert.Equal((LogLevel.Warning, 1100), (warning.Level, warning.EventId.Id));
        Assert.Equal(2, opens.To(standby.Port)); // tried once (the first read, then this one), not retried
        await ReadAsync();
        Assert.Equal(2, opens.To(standby.Port)); // resting: not tried at all
        Assert.Single(Replicas());

        // The window ends: one read tries again, fails, and opens the next window, which is reported too.
        scope.Clock.Advance(Duration.FromSeconds(11));
        await ReadAsync();
        Assert.Equal(["replica", "primary:unavailable", "primary:unavailable", "primary:unavailable"], routes.All);
        Assert.Equal(3, opens.To(standby.Port));
        Assert.Equal([1100, 1100], Replicas().Select(e => e.EventId.Id));

        await standby.StartAgainAsync();
        await standby.WaitForReplayAsync();
        scope.Clock.Advance(Duration.FromSeconds(11));
        await ReadAsync();
        Assert.Equal("replica", routes.Last);
        Assert.Equal([1100, 1100, 1101], Replicas().Select(e => e.EventId.Id));
        Assert.Equal(LogLevel.Information, Replicas()[^1].Level);
    }

    [Fact]
    public async Task A_replica_that_cannot_be_reached_at_all_costs_each_window_one_attempt_and_no_read_fails()
    {
        var (squat, member) = await SetUpAsync(database.Standby);
        var nowhere = new NpgsqlConnectionStringBuilder(database.StandbyConnectionString) { Port = ClosedPort(), Timeout = 2 }.ConnectionString;
        await using var scope = database.Scope(replica: nowhere);
        using var routes = new ReadRoutes(scope);
        var self = MetricViewer.ForMember(member);

        for (var read = 0; read < 3; read++)
        {
            Assert.Equal(90m, (await scope.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
        }

        Assert.Equal(["primary:unavailable", "primary:unavailable", "primary:unavailable"], routes.All);
    }

    [Fact]
    public async Task A_multi_host_data_source_that_targets_standbys_serves_the_reads()
    {
        var (squat, member) = await SetUpAsync(database.Standby);
        var bothHosts = StandbyFixture.BothHostsFor(database.Primary, database.Standby);
        await using var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(bothHosts) { Database = ReplicaDatabase.Database }.ConnectionString)
            .UseMetricSets()
            .BuildMultiHost();
        var standbys = dataSource.WithTargetSession(TargetSessionAttributes.Standby);
        var interceptor = new CommandLog();
        await using var scope = new ServiceScope(database.PrimaryConnectionString, o => o.Replicas.DataSource = standbys, context: o => o.AddInterceptors(interceptor));
        using var routes = new ReadRoutes(scope);

        var latest = await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat);

        Assert.Equal((90m, MetricUnit.Kilogram), (latest!.Value.Amount, latest.Value.Unit));
        Assert.Equal("replica", routes.Last);
        Assert.Contains(interceptor.Commands, command => command.Port == database.Standby.Port);
    }

    private async Task<(MetricDefinitionId Squat, UserId Member)> SetUpAsync(Testing.PostgreSql.EmbeddedPostgres standby)
    {
        await using var scope = database.Scope(replica: ReplicaDatabase.NoReplica);
        var squat = await scope.BackSquatAsync();
        var member = await database.OnPrimary.AddUserAsync();
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(90, MetricUnit.Kilogram)));
        await standby.WaitForReplayAsync();
        return (squat.Id, member);
    }

    // A loopback port nothing listens on (it was free a moment ago).
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Every connection the host context or the replica's opens, by the port it goes to.
    private sealed class OpenLog : DbConnectionInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _ports = new();

        public int To(int port) => _ports.Count(opened => opened == port);

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            _ports.Enqueue(new NpgsqlConnectionStringBuilder(connection.ConnectionString).Port);
            return base.ConnectionOpeningAsync(connection, eventData, result, cancellationToken);
        }
    }
}
