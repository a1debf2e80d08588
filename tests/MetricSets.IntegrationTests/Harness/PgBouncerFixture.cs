using MetricSets.Testing.PostgreSql;

namespace MetricSets.IntegrationTests.Harness;

/// <summary>A throwaway server and a PgBouncer in front of it whose pool holds one server connection, for one test class.</summary>
public sealed class PgBouncerFixture : IAsyncLifetime
{
    public EmbeddedPostgres Server { get; private set; } = null!;

    public PgBouncer Bouncer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmbeddedPostgres.StartAsync();
        Bouncer = await PgBouncer.StartAsync(Server, new PgBouncerOptions { DefaultPoolSize = 1 });
    }

    // Null-safe: a start that failed half-way leaves the rest to the watchdogs.
    public async Task DisposeAsync()
    {
        await (Bouncer?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Server?.DisposeAsync() ?? ValueTask.CompletedTask);
    }
}
