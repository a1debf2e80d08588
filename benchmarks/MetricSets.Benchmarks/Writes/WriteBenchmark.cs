using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using MetricSets.Benchmarks.Reads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Writes;

/// <summary>
/// What every write benchmark shares: a database of its own with the schema, 1,000 organization members, the staff
/// user and the catalogue but no values; a raw <see cref="NpgsqlDataSource"/> (the floor); and the container wired as the
/// README says, once with <c>AddDbContext</c> and once with <c>AddDbContextPool</c>. Values are recorded by the staff user.
/// </summary>
[MemoryDiagnoser]
public abstract class WriteBenchmark
{
    /// <summary>The organization's members: 1,000, as in the read benchmarks' leaderboard.</summary>
    protected static readonly BenchShape Shape = new(BenchCatalog.Definitions.Count * BenchCatalog.DefaultOrganizationMembers, 1);

    private ServiceProvider? _services;
    private ServiceProvider? _pooledServices;

    /// <summary>Gets the raw data source.</summary>
    protected NpgsqlDataSource Raw { get; private set; } = null!;

    /// <summary>Gets the staff user who records.</summary>
    protected static MetricViewer Staff { get; } = MetricViewer.ForStaff(new UserId(BenchCatalog.StaffId), new OrganizationId(BenchCatalog.OrganizationId));

    /// <summary>Gets the one-rep max the values are recorded against.</summary>
    protected static BenchDefinition Squat => BenchCatalog.LeaderboardDefinition;

    /// <summary>Gets the members.</summary>
    protected static Guid[] Members { get; } = Shape.OrganizationMemberIds();

    /// <summary>Creates the database and the containers.</summary>
    [GlobalSetup]
    public async Task GlobalSetupAsync()
    {
        var connectionString = await BenchDatabase.CreateEmptyAsync($"bench_writes_{GetType().Name.ToLowerInvariant()}", Shape).ConfigureAwait(false);
        Raw = new NpgsqlDataSourceBuilder(connectionString).MapMetricEnums().Build();
        var directory = new BenchMembershipDirectory([.. Members.Select(id => new UserId(id))]);
        _services = Build(directory, services => services.AddDbContext<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets())));
        _pooledServices = Build(directory, services => services.AddDbContextPool<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets())));
        await SetupAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the pools.</summary>
    [GlobalCleanup]
    public async Task GlobalCleanupAsync()
    {
        await _services!.DisposeAsync().ConfigureAwait(false);
        await _pooledServices!.DisposeAsync().ConfigureAwait(false);
        await Raw.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Runs once the database and the containers are ready.</summary>
    protected virtual Task SetupAsync() => Task.CompletedTask;

    /// <summary>Creates a request scope over a context from <c>AddDbContext</c>.</summary>
    protected AsyncServiceScope CreateScope() => _services!.CreateAsyncScope();

    /// <summary>Creates a request scope over a context from <c>AddDbContextPool</c>.</summary>
    protected AsyncServiceScope CreatePooledScope() => _pooledServices!.CreateAsyncScope();

    /// <summary>Gets the recorder of a scope.</summary>
    protected static IMemberMetricRecorder Recorder(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>();

    /// <summary>Empties member_metrics (not measured).</summary>
    protected void Truncate()
    {
        using var command = Raw.CreateCommand("TRUNCATE member_metrics");
        command.ExecuteNonQuery();
    }

    /// <summary>Binds the seven columns of a raw insert or COPY row, as the library writes them.</summary>
    protected static void AddInsertParameters(NpgsqlCommand command, Guid id, Guid member, decimal amount, DateTime recordedAt)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = member });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Squat.Id });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = amount, NpgsqlDbType = NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter<MetricUnit> { TypedValue = MetricUnit.Kilogram });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = recordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "coach_input", NpgsqlDbType = NpgsqlDbType.Varchar });
    }

    private static ServiceProvider Build(IMembershipDirectory directory, Action<IServiceCollection> addContext)
    {
        var services = new ServiceCollection();
        services.AddSingleton(directory);
        addContext(services);
        services.AddMetricSets<BenchDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
