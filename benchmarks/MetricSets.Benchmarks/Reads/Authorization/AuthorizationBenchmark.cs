using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.Benchmarks.Reads.Authorization;

/// <summary>
/// One read by the organization's staff user, authorized three ways, each with a pooled context: (a) an in-memory
/// <see cref="IMembershipDirectory"/> (what the other read benchmarks use: authorization for free), (b) a directory that
/// asks the host's memberships table with EF LINQ (a round trip per question), (c) the memberships table mapped through
/// <c>MetricSetsOptions.Memberships</c> (the rules inside the read's one statement). The baseline is hand-written SQL on
/// raw Npgsql that does the same authorization and the same restricted-provenance filter in its one statement.
/// </summary>
public abstract class AuthorizationBenchmark : ReadBenchmark
{
    private ServiceProvider? _inMemory;
    private ServiceProvider? _databaseDirectory;
    private ServiceProvider? _mapped;

    /// <summary>Gets the depths: 10 only (the leaderboard's 1,000 members need it at 1M rows).</summary>
    public static IEnumerable<int> AuthorizationDepthValues => [10];

    /// <inheritdoc />
    [ParamsSource(nameof(AuthorizationDepthValues))]
    public override int Depth { get; set; }

    /// <summary>
    /// Gets or sets whether Npgsql prepares statements it sees repeatedly (<c>Max Auto Prepare</c>), for the raw SQL and the
    /// library alike: then PostgreSQL plans each statement once per connection instead of on every call, which matters
    /// for statements that carry their authorization.
    /// </summary>
    [Params(false, true)]
    public bool AutoPrepare { get; set; }

    /// <summary>Gets the staff user as the raw SQL binds it.</summary>
    protected static Guid StaffGuid => BenchCatalog.StaffId;

    /// <summary>Gets the organization as the raw SQL binds it.</summary>
    protected static Guid OrganizationGuid => BenchCatalog.OrganizationId;

    /// <summary>Hand-written SQL with the authorization in the statement: the floor.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> RawNpgsqlAuthorized() => ReadRawAuthorizedAsync();

    /// <summary>(a) The library with an in-memory directory.</summary>
    [Benchmark]
    public Task<int> InMemoryDirectory() => InScopeAsync(_inMemory!);

    /// <summary>(b) The library with a directory that queries the memberships table.</summary>
    [Benchmark]
    public Task<int> DatabaseDirectory() => InScopeAsync(_databaseDirectory!);

    /// <summary>(c) The library with the memberships table mapped: one statement.</summary>
    [Benchmark]
    public Task<int> MappedMemberships() => InScopeAsync(_mapped!);

    /// <summary>Runs the raw, authorized read; returns the rows read.</summary>
    protected abstract Task<int> ReadRawAuthorizedAsync();

    /// <summary>Runs the read through the library's service from <paramref name="services"/>; returns the rows read.</summary>
    protected abstract Task<int> ReadWithLibraryAsync(IServiceProvider services);

    /// <inheritdoc />
    protected override string WithSettings(string connectionString) =>
        AutoPrepare ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 20, AutoPrepareMinUsages = 2 }.ConnectionString : connectionString;

    /// <inheritdoc />
    protected override async Task SetupAsync()
    {
        var connectionString = Raw.ConnectionString;
        _inMemory = Build(connectionString, services => services.AddSingleton<IMembershipDirectory>(
            new BenchMembershipDirectory([.. Shape.OrganizationMemberIds().Select(id => new UserId(id))])));
        _databaseDirectory = Build(connectionString, services => services.AddScoped<IMembershipDirectory, BenchDatabaseDirectory>());
        _mapped = Build(connectionString, configure: BenchDbContext.MapMemberships);

        // Warm every path once, so the first measured call pays no model building or plan caching.
        await RawNpgsqlAuthorized().ConfigureAwait(false);
        await InMemoryDirectory().ConfigureAwait(false);
        await DatabaseDirectory().ConfigureAwait(false);
        await MappedMemberships().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task CleanupAsync()
    {
        foreach (var provider in new[] { _inMemory, _databaseDirectory, _mapped })
        {
            if (provider is not null)
            {
                await provider.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static ServiceProvider Build(
        string connectionString, Action<IServiceCollection>? directory = null, Action<MetricSets.EntityFrameworkCore.MetricSetsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        directory?.Invoke(services);
        services.AddDbContextPool<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        services.AddMetricSets<BenchDbContext>(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private async Task<int> InScopeAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        return await ReadWithLibraryAsync(scope.ServiceProvider).ConfigureAwait(false);
    }
}
