using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// The organization's back-squat leaderboard, best first, first page of 20: each of up to 1,000 members' most recent
/// value, recorded in kg or lb, ranked by exact mass. Depth 10 only: it is the only depth at which 1M rows hold 1,000
/// members (members = rows / (24 × depth)); the top-N per member is one index probe whatever the depth.
/// </summary>
public class LeaderboardBenchmarks : LibraryReadBenchmark
{
    /// <summary>The page size.</summary>
    public const int PageSize = 20;

    /// <summary>The best hand-written SQL: one index probe per member, ranked by the exact mass in kg.</summary>
    public const string Sql = """
        SELECT u.member_id, m.id, m.value, m.unit, m.recorded_at, m.source,
               -(m.value * CASE m.unit WHEN 'lb' THEN 0.45359237 ELSE 1 END) AS score
        FROM unnest($1::uuid[]) AS u(member_id)
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = u.member_id AND mm.definition_id = $2
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        ORDER BY score, u.member_id
        LIMIT $3
        """;

    private static readonly OrganizationId Organization = new(BenchCatalog.OrganizationId);
    private static readonly MetricDefinitionId Definition = new(BenchCatalog.LeaderboardDefinition.Id);
    private Guid[] _members = [];

    /// <summary>Gets the depths: 10 only.</summary>
    public static IEnumerable<int> LeaderboardDepthValues => [10];

    /// <inheritdoc />
    [ParamsSource(nameof(LeaderboardDepthValues))]
    public override int Depth { get; set; }

    /// <summary>Raw Npgsql, hand-written SQL: the floor (the page plus one row, as a pager needs).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = Raw.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = _members, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = BenchCatalog.LeaderboardDefinition.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = PageSize + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var rows = await ReadAllAsync(command, reader => (Reading: ReadRaw(reader), Kg: MetricValue.Of(reader.GetDecimal(2), reader.GetFieldValue<MetricUnit>(3)).ConvertTo(MetricUnit.Kilogram)))
            .ConfigureAwait(false);
        return rows.Take(PageSize).Count();
    }

    /// <summary>ILeaderboardReader.GetLeaderboardAsync, best first.</summary>
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services)
    {
        var page = await services.GetRequiredService<ILeaderboardReader>()
            .GetLeaderboardAsync(Viewer, new MetricLeaderboardQuery(Organization, Definition) { Order = LeaderboardOrder.BestFirst, PageSize = PageSize }).ConfigureAwait(false);
        return page.Items.Count;
    }

    /// <summary>The LINQ a user would write: each member's newest value by GroupBy, then rank in memory by exact mass.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        await using var scope = CreateScope();
        var members = (await scope.ServiceProvider.GetRequiredService<IMembershipDirectory>().ListActiveMembersAsync(Organization).ConfigureAwait(false))
            .Select(id => id.Value).ToList();
        var latest = await Context(scope).Set<MemberMetric>().AsNoTracking()
            .Where(m => m.DefinitionId == Definition && members.Contains(EF.Property<Guid>(m, "_memberId")))
            .GroupBy(m => EF.Property<Guid>(m, "_memberId"))
            .Select(g => g.OrderByDescending(m => m.RecordedAt).First())
            .ToListAsync()
            .ConfigureAwait(false);
        return latest
            .OrderByDescending(m => m.Value, MetricValue.Comparer.Quantity)
            .ThenBy(m => m.MemberId)
            .Take(PageSize)
            .Select(m => (m, Kg: m.Value.ConvertTo(MetricUnit.Kilogram)))
            .Count();
    }

    /// <inheritdoc />
    protected override Task SetupAsync()
    {
        _members = Shape.OrganizationMemberIds();
        return Task.CompletedTask;
    }
}
