using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using MetricSets.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// What <c>MetricSetsOptions.Replicas</c> adds to a read (the latest values of a 20-definition set, in a fresh scope with
/// a context from <c>AddDbContext</c>): the same read without replicas (the baseline); with a replica configured but the
/// read sent to the primary by the routing decision (the replica failed and rests, so the decision is made in memory);
/// and, with the "replica" pointed at the same server, a read on the replica's context without and with the WAL position
/// check that a scope carrying a token pays (one more statement in the same round trip).
/// </summary>
public class ReplicaRoutingBenchmarks : ReadBenchmark
{
    // Nothing listens on port 1: the warm-up read fails over and the replica rests for the rest of the run.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Timeout=1";

    private ServiceProvider? _noReplica;
    private ServiceProvider? _resting;
    private ServiceProvider? _sameServer;

    /// <summary>Gets the depths: 10 only (the routing does not depend on the data).</summary>
    public static IEnumerable<int> RoutingDepthValues => [10];

    /// <inheritdoc />
    [ParamsSource(nameof(RoutingDepthValues))]
    public override int Depth { get; set; }

    /// <summary>No replica configured: every read on the host's context, as before replicas existed.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> NoReplica() => ReadAsync(_noReplica!, token: null);

    /// <summary>A replica configured, the read routed to the primary (the replica rests after a failure).</summary>
    [Benchmark]
    public Task<int> RoutedToPrimary() => ReadAsync(_resting!, token: null);

    /// <summary>A replica configured (the same server), the read on the replica's context with no position to check.</summary>
    [Benchmark]
    public Task<int> OnReplica() => ReadAsync(_sameServer!, token: null);

    /// <summary>The same with a session token: the replica first proves it has replayed the position.</summary>
    [Benchmark]
    public Task<int> OnReplicaWithToken() => ReadAsync(_sameServer!, token: "0/1");

    /// <inheritdoc />
    protected override async Task SetupAsync()
    {
        var connectionString = Raw.ConnectionString;
        _noReplica = Build(connectionString, replica: null);
        _resting = Build(connectionString, Unreachable);
        _sameServer = Build(connectionString, connectionString);

        // Warm every path once; the resting container's first read meets the unreachable replica and falls back.
        await NoReplica().ConfigureAwait(false);
        await RoutedToPrimary().ConfigureAwait(false);
        await OnReplica().ConfigureAwait(false);
        await OnReplicaWithToken().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task CleanupAsync()
    {
        foreach (var provider in new[] { _noReplica, _resting, _sameServer })
        {
            if (provider is not null)
            {
                await provider.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private ServiceProvider Build(string connectionString, string? replica)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IMembershipDirectory>(new BenchMembershipDirectory([.. Shape.OrganizationMemberIds().Select(id => new UserId(id))]));
        services.AddDbContext<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        services.AddMetricSets<BenchDbContext>(o => (o.Replicas.ConnectionString, o.Replicas.RetryAfter) = (replica, Duration.FromHours(1)));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static async Task<int> ReadAsync(ServiceProvider provider, string? token)
    {
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IMetricReadSession>().ContinueFrom(token);
        return (await scope.ServiceProvider.GetRequiredService<IMemberMetricReader>().GetLatestAsync(Viewer, Member, SetDefinitionIds).ConfigureAwait(false)).Count;
    }
}
