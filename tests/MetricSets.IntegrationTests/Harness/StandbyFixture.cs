using System.Globalization;
using MetricSets.Testing.PostgreSql;
using Npgsql;
using static MetricSets.IntegrationTests.Harness.ServerProbe;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>A throwaway primary and a hot standby of it, for one test class; a table <c>notes</c> exists on both.</summary>
public sealed class StandbyFixture : IAsyncLifetime
{
    public EmbeddedPostgres Primary { get; private set; } = null!;

    public EmbeddedPostgres Standby { get; private set; } = null!;

    /// <summary>Gets the connection string that lists the primary first, then the standby, with no target named.</summary>
    public string BothHosts => BothHostsFor(Primary, Standby);

    public async Task InitializeAsync()
    {
        Primary = await EmbeddedPostgres.StartAsync();
        Standby = await Primary.StartStandbyAsync();
        await ExecuteAsync(Primary.ConnectionString, "CREATE TABLE notes (id int PRIMARY KEY, text text NOT NULL)");
        await Standby.WaitForReplayAsync();
    }

    // Null-safe: a start that failed half-way leaves the rest to the watchdogs.
    public async Task DisposeAsync()
    {
        await (Standby?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Primary?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    /// <summary>Returns <c>Host=127.0.0.1:primary,127.0.0.1:standby</c> for the <c>postgres</c> database.</summary>
    public static string BothHostsFor(EmbeddedPostgres primary, EmbeddedPostgres standby) =>
        new NpgsqlConnectionStringBuilder(primary.ConnectionString)
        {
            Host = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{primary.Port},127.0.0.1:{standby.Port}"),
        }.ConnectionString;
}
