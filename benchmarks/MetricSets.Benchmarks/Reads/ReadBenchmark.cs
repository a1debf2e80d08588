using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using MetricSets.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MetricSets.Benchmarks.Reads;

/// <summary>A stored value as a hand-written raw Npgsql read returns it.</summary>
public sealed record RawReading(Guid DefinitionId, Guid Id, decimal Value, MetricUnit Unit, DateTime RecordedAt, string? Source);

/// <summary>
/// What every read benchmark shares: the database of one (rows, depth), a raw <see cref="NpgsqlDataSource"/> (the
/// floor), and a container wired as the README says (AddDbContext + AddMetricSets + an in-memory membership directory).
/// Each operation opens what a request would: a pooled connection for raw SQL, a DI scope and a DbContext otherwise.
/// Reads are made by a staff user acting in the organization, so the access policy runs in full.
/// </summary>
[MemoryDiagnoser]
public abstract class ReadBenchmark
{
    // One key for both containers, as instances behind one load balancer share it: a cursor issued by one is read by the other.
    private static readonly string SharedCursorKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private ServiceProvider? _services;
    private ServiceProvider? _pooledServices;

    /// <summary>Gets or sets an interceptor added to the library's context (plan capture only; never while measuring).</summary>
    internal static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? Interceptor { get; set; }

    /// <summary>Gets the row counts of this run (100k and 1M in quick mode; 10M too in full mode).</summary>
    public static IEnumerable<int> RowsValues => BenchMode.RowCounts;

    /// <summary>Gets every depth.</summary>
    public static IEnumerable<int> AllDepthValues => BenchMode.AllDepths;

    /// <summary>Gets the shallowest and deepest depths.</summary>
    public static IEnumerable<int> EdgeDepthValues => BenchMode.EdgeDepths;

    /// <summary>Gets or sets the number of member_metrics rows (target; see <see cref="BenchShape.ActualRows"/>).</summary>
    [ParamsSource(nameof(RowsValues))]
    public int Rows { get; set; }

    /// <summary>Gets or sets the history depth: values per member and definition.</summary>
    public abstract int Depth { get; set; }

    /// <summary>Gets the database's shape.</summary>
    protected BenchShape Shape { get; private set; } = null!;

    /// <summary>Gets the raw data source (enums mapped, no EF, no NodaTime).</summary>
    protected NpgsqlDataSource Raw { get; private set; } = null!;

    /// <summary>Gets the staff viewer.</summary>
    protected static MetricViewer Viewer { get; } = MetricViewer.ForStaff(new UserId(BenchCatalog.StaffId), new OrganizationId(BenchCatalog.OrganizationId));

    /// <summary>Gets the member whose values are read.</summary>
    protected static UserId Member { get; } = new(BenchShape.ReadMemberId);

    /// <summary>Gets the member's id as the raw reads pass it.</summary>
    protected static Guid MemberGuid => BenchShape.ReadMemberId;

    /// <summary>Gets the set's definitions as the library takes them.</summary>
    protected static MetricDefinitionId[] SetDefinitionIds { get; } = [.. BenchCatalog.SetDefinitions.Select(d => new MetricDefinitionId(d.Id))];

    /// <summary>Gets the set's definitions as the raw reads pass them.</summary>
    protected static Guid[] SetDefinitionGuids { get; } = [.. BenchCatalog.SetDefinitions.Select(d => d.Id)];

    /// <summary>Opens the database (generating it on first use) and warms every path once.</summary>
    [GlobalSetup]
    public async Task GlobalSetupAsync()
    {
        Shape = new BenchShape(Rows, Depth);
        var connectionString = WithSettings(await BenchDatabase.EnsureAsync(Shape).ConfigureAwait(false));
        Raw = new NpgsqlDataSourceBuilder(connectionString).MapMetricEnums().Build();

        var directory = new BenchMembershipDirectory([.. Shape.OrganizationMemberIds().Select(id => new UserId(id))]);
        var services = new ServiceCollection();
        services.AddSingleton<IMembershipDirectory>(directory);
        services.AddDbContext<BenchDbContext>(o =>
        {
            o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets());
            if (Interceptor is not null)
            {
                o.AddInterceptors(Interceptor);
            }
        });
        services.AddMetricSets<BenchDbContext>(o => o.CursorKey = SharedCursorKey);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        // The same container with a pooled context: shows how much of the library's cost is the per-request DbContext.
        var pooled = new ServiceCollection();
        pooled.AddSingleton<IMembershipDirectory>(directory);
        pooled.AddDbContextPool<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        pooled.AddMetricSets<BenchDbContext>(o => o.CursorKey = SharedCursorKey);
        _pooledServices = pooled.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await SetupAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the pools.</summary>
    [GlobalCleanup]
    public async Task GlobalCleanupAsync()
    {
        await CleanupAsync().ConfigureAwait(false);
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        if (_pooledServices is not null)
        {
            await _pooledServices.DisposeAsync().ConfigureAwait(false);
        }

        await Raw.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Returns the connection string every path of the benchmark uses (raw and library alike).</summary>
    protected virtual string WithSettings(string connectionString) => connectionString;

    /// <summary>Runs after the database and container are ready.</summary>
    protected virtual Task SetupAsync() => Task.CompletedTask;

    /// <summary>Releases what <see cref="SetupAsync"/> made, before the shared pools go.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    /// <summary>Creates the per-request DI scope (AddDbContext, as the README wires it).</summary>
    protected AsyncServiceScope CreateScope() => _services!.CreateAsyncScope();

    /// <summary>Creates a per-request DI scope whose context comes from a pool (AddDbContextPool).</summary>
    protected AsyncServiceScope CreatePooledScope() => _pooledServices!.CreateAsyncScope();

    /// <summary>Reads the six reading columns starting at <paramref name="ordinal"/>, preceded by the definition id at 0.</summary>
    protected static RawReading ReadRaw(NpgsqlDataReader reader, int ordinal = 1) =>
        new(
            reader.GetGuid(0),
            reader.GetGuid(ordinal),
            reader.GetDecimal(ordinal + 1),
            reader.GetFieldValue<MetricUnit>(ordinal + 2),
            reader.GetFieldValue<DateTime>(ordinal + 3),
            reader.IsDBNull(ordinal + 4) ? null : reader.GetString(ordinal + 4));

    /// <summary>Runs <paramref name="command"/> and reads every row with <paramref name="read"/>.</summary>
    protected static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The naive EF query every naive read starts from: one member's values of some definitions.</summary>
    protected static IQueryable<MemberMetric> MemberValues(BenchDbContext context, Guid memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds) =>
        context.Set<MemberMetric>().AsNoTracking()
            .Where(m => EF.Property<Guid>(m, "_memberId") == memberId && definitionIds.Contains(m.DefinitionId));

    /// <summary>A raw command over <paramref name="sql"/> with the read member bound to $1 and the set's definitions to $2.</summary>
    protected NpgsqlCommand MemberDefinitionsCommand(string sql)
    {
        var command = Raw.CreateCommand(sql);
        command.Parameters.Add(new() { Value = MemberGuid, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = SetDefinitionGuids, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
        return command;
    }

    /// <summary>Gets the library's member reader from a scope.</summary>
    protected static IMemberMetricReader Reader(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IMemberMetricReader>();

    /// <summary>Gets the context from a scope.</summary>
    protected static BenchDbContext Context(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<BenchDbContext>();
}
