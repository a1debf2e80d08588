using System.Diagnostics.Metrics;
using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.Diagnostics;
using MetricSets.IntegrationTests.TestUtilities;
using MetricSets.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// A throwaway primary with a database holding the library's schema, and a hot standby of it
/// (<see cref="EmbeddedPostgres.StartStandbyAsync"/>), for one test class. Users, organizations and memberships are
/// written on the primary and reach the standby by replication, as in production.
/// </summary>
public sealed class ReplicaDatabase : IAsyncLifetime
{
    public const string Database = "metricsets_replicas";

    public EmbeddedPostgres Primary { get; private set; } = null!;

    public EmbeddedPostgres Standby { get; private set; } = null!;

    /// <summary>Gets the database on the primary: the host context's connection string.</summary>
    public string PrimaryConnectionString => Primary.ConnectionStringFor(Database);

    /// <summary>Gets the database on the standby: the replica's connection string.</summary>
    public string StandbyConnectionString => Standby.ConnectionStringFor(Database);

    /// <summary>Gets the database on the primary, for the tests' own rows and checks.</summary>
    public DatabaseFixture OnPrimary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Primary = await EmbeddedPostgres.StartAsync();
        await TestServer.ExecuteAsync(Primary.ConnectionString, $"CREATE DATABASE {Database}");
        await TestServer.ExecuteAsync(PrimaryConnectionString, TestServer.HostTablesSql + TestServer.GenerateSchemaScript());
        OnPrimary = DatabaseFixture.Attach(PrimaryConnectionString);
        Standby = await Primary.StartStandbyAsync();
        await Standby.WaitForReplayAsync();
    }

    // Null-safe: a start that failed half-way leaves the rest to the watchdogs.
    public async Task DisposeAsync()
    {
        await (Standby?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Primary?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    /// <summary>A host's services over the primary, reading from <paramref name="replica"/> (the standby by default; none with <see cref="NoReplica"/>).</summary>
    public ServiceScope Scope(
        MembershipSource memberships = MembershipSource.Directory,
        string? replica = "",
        Action<MetricSetsOptions>? configure = null,
        Action<DbContextOptionsBuilder>? context = null,
        Action<IServiceCollection>? services = null) =>
        new(
            PrimaryConnectionString,
            o =>
            {
                if (replica is not null)
                {
                    o.Replicas.ConnectionString = replica.Length == 0 ? StandbyConnectionString : replica;
                }

                configure?.Invoke(o);
            },
            context: context,
            services: services,
            memberships: memberships);

    /// <summary>For <see cref="Scope"/>: no replica at all.</summary>
    public const string? NoReplica = null;

    /// <summary>Waits until the standby has replayed everything committed on the primary so far.</summary>
    public Task WaitForReplayAsync() => Standby.WaitForReplayAsync();

    /// <summary>Pauses the standby's replay until the returned scope is disposed: a standby that lags for certain.</summary>
    public async Task<IAsyncDisposable> PauseReplayAsync()
    {
        await Standby.PauseReplayAsync();
        return new Resume(Standby);
    }

    private sealed class Resume(EmbeddedPostgres standby) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await standby.ResumeReplayAsync();
    }
}

/// <summary>Where the reads of one service scope ran: the <c>metricsets.reads.routed</c> measurements of its provider, in order.</summary>
public sealed class ReadRoutes(ServiceScope scope) : IDisposable
{
    public const string Instrument = "metricsets.reads.routed";

    private readonly MeasurementCapture _measurements = new(scope.Get<IMeterFactory>());

    /// <summary>Gets every read's route so far: <c>replica</c>, or <c>primary:</c> and the reason.</summary>
    public IReadOnlyList<string> All =>
        [.. _measurements.Of(Instrument).Select(m => m.Tags.TryGetValue("metricsets.read.reason", out var reason) ? $"{m.Tags["metricsets.read.target"]}:{reason}" : (string)m.Tags["metricsets.read.target"]!)];

    /// <summary>Gets the route of the last read.</summary>
    public string Last => All.Count > 0 ? All[^1] : "none";

    public void Dispose() => _measurements.Dispose();
}
