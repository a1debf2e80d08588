using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using MetricSets.Benchmarks.Reads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Scale;

/// <summary>
/// The first page (20) of an organization's back-squat leaderboard, best first or latest first, as the organization
/// grows: 1,000, 20,000 and 100,000 active members among 150,000 (7.2M values, depth 2). The baseline is the hand-written
/// SQL of the probe every leaderboard made before the walk (the members from the memberships table, one index probe
/// each, restricted provenance), so the ratios show what the walk saves; the target compares the library with itself
/// across sizes: the first page at 100,000 members ≤ 2× the 1,000-member figure.
/// </summary>
/// <remarks>
/// The library runs with a pooled context, two ways: the memberships mapped (<c>MetricSetsOptions.Memberships</c>: the
/// statement counts and joins them) and an in-memory <see cref="IMembershipDirectory"/> (the list passed as a parameter,
/// matched by a hashed <c>= ANY</c>). Below 5,000 active members both probe, as before.
/// </remarks>
[MemoryDiagnoser]
public class LeaderboardScaleBenchmarks
{
    /// <summary>The database: three organizations of 1,000, 20,000 and 100,000 members, 150,000 members in all.</summary>
    public static readonly BenchShape Shape = new(7_200_000, 2) { OrganizationSizes = [1_000, 20_000, 100_000] };

    /// <summary>The page size.</summary>
    public const int PageSize = 20;

    /// <summary>The probe of every member, by hand: what the library did for any organization before the walk.</summary>
    public const string ProbeSql = """
        SELECT u.user_id, m.id, m.value, m.unit, m.recorded_at, m.source,
               CASE WHEN $5 THEN -extract(epoch FROM m.recorded_at) ELSE -(m.value * CASE m.unit WHEN 'lb' THEN 0.45359237 ELSE 1 END) END AS score
        FROM memberships AS u
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = u.user_id AND mm.definition_id = $1 AND (mm.organization_id = $2 OR mm.source = 'self_report')
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        WHERE u.organization_id = $2 AND u.role = 'member'
          AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $3 AND organization_id = $2 AND role = 'staff')
        ORDER BY score, u.user_id
        LIMIT $4
        """;

    private static readonly MetricDefinitionId Definition = new(BenchCatalog.LeaderboardDefinition.Id);
    private NpgsqlDataSource? _raw;
    private ServiceProvider? _mapped;
    private ServiceProvider? _directory;
    private OrganizationId _organization;

    /// <summary>Gets or sets the organization's active members.</summary>
    [Params(1_000, 20_000, 100_000)]
    public int OrganizationMembers { get; set; }

    /// <summary>Gets or sets the ranking.</summary>
    [Params(LeaderboardOrder.BestFirst, LeaderboardOrder.LatestFirst)]
    public LeaderboardOrder Order { get; set; }

    /// <summary>Opens the database (generated on first use) and warms each path once.</summary>
    [GlobalSetup]
    public async Task GlobalSetupAsync()
    {
        var connectionString = await BenchDatabase.EnsureAsync(Shape).ConfigureAwait(false);
        var index = Shape.OrganizationSizes.ToList().IndexOf(OrganizationMembers);
        _organization = new OrganizationId(BenchCatalog.OrganizationIdAt(index));
        _raw = new NpgsqlDataSourceBuilder(connectionString).MapMetricEnums().Build();
        var members = Enumerable.Range(0, Shape.OrganizationSizes.Count).ToDictionary(
            o => new OrganizationId(BenchCatalog.OrganizationIdAt(o)), o => (IReadOnlyCollection<UserId>)[.. Shape.OrganizationMemberIds(o).Select(id => new UserId(id))]);
        _mapped = Build(connectionString, services => { }, BenchDbContext.MapMemberships);
        _directory = Build(connectionString, services => services.AddSingleton<IMembershipDirectory>(new BenchMembershipDirectory(members)), configure: null);
        await RawProbe().ConfigureAwait(false);
        await Mapped().ConfigureAwait(false);
        await Directory().ConfigureAwait(false);
    }

    /// <summary>Releases the pools.</summary>
    [GlobalCleanup]
    public async Task GlobalCleanupAsync()
    {
        await _mapped!.DisposeAsync().ConfigureAwait(false);
        await _directory!.DisposeAsync().ConfigureAwait(false);
        await _raw!.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Every member probed, by hand (the page plus one row, as a pager needs).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawProbe()
    {
        await using var command = _raw!.CreateCommand(ProbeSql);
        command.Parameters.Add(new() { Value = BenchCatalog.LeaderboardDefinition.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = _organization.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = BenchCatalog.StaffId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = PageSize + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = Order == LeaderboardOrder.LatestFirst, NpgsqlDbType = NpgsqlDbType.Boolean });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var rows = 0;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows++;
        }

        return Math.Min(rows, PageSize);
    }

    /// <summary>The library, memberships mapped: the statement sizes the organization and walks or probes.</summary>
    [Benchmark]
    public Task<int> Mapped() => ReadAsync(_mapped!);

    /// <summary>The library with an in-memory directory that lists the members.</summary>
    [Benchmark]
    public Task<int> Directory() => ReadAsync(_directory!);

    private static ServiceProvider Build(string connectionString, Action<IServiceCollection> directory, Action<MetricSets.EntityFrameworkCore.MetricSetsOptions>? configure)
    {
        var services = new ServiceCollection();
        directory(services);
        services.AddDbContextPool<BenchDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        services.AddMetricSets<BenchDbContext>(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private async Task<int> ReadAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var viewer = MetricViewer.ForStaff(new UserId(BenchCatalog.StaffId), _organization);
        var page = await scope.ServiceProvider.GetRequiredService<ILeaderboardReader>()
            .GetLeaderboardAsync(viewer, new MetricLeaderboardQuery(_organization, Definition) { Order = Order, PageSize = PageSize }).ConfigureAwait(false);
        return page.Items.Count;
    }
}
