using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// Each definition's personal best for one member, over the 20 definitions of the set: the heaviest one-rep max (kg and
/// lb compared by exact mass), the shortest time, the longest distance…; kinds without a direction are skipped.
/// </summary>
public class PersonalBestBenchmarks : LibraryReadBenchmark
{
    private static readonly string BaseAmount =
        "(mm.value * CASE mm.unit "
        + string.Join(' ', MetricUnitExtensions.All.Select(unit => $"WHEN '{unit.Symbol()}' THEN {unit.BaseFactor().ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
        + " END)";

    /// <summary>The best hand-written SQL: per definition, the member's values ordered by base amount in the kind's direction.</summary>
    public static readonly string Sql = $"""
        SELECT d.id, m.id, m.value, m.unit, m.recorded_at, m.source
        FROM metric_definitions AS d
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = $1 AND mm.definition_id = d.id
            ORDER BY CASE WHEN d.kind IN ('one_rep_max', 'distance', 'repetitions', 'power', 'energy') THEN -{BaseAmount} ELSE {BaseAmount} END,
                     mm.recorded_at, mm.id
            LIMIT 1) AS m ON true
        WHERE d.id = ANY($2) AND d.kind NOT IN ('body_comp', 'body_measurement', 'heart_rate')
        """;

    /// <inheritdoc />
    [ParamsSource(nameof(EdgeDepthValues))]
    public override int Depth { get; set; }

    /// <summary>Raw Npgsql, hand-written SQL: the floor.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = MemberDefinitionsCommand(Sql);
        return (await ReadAllAsync(command, reader => ReadRaw(reader)).ConfigureAwait(false)).Count;
    }

    /// <summary>IMemberMetricReader.GetPersonalBestsAsync.</summary>
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMemberMetricReader>().GetPersonalBestsAsync(Viewer, Member, SetDefinitionIds).ConfigureAwait(false)).Count;

    /// <summary>The LINQ a user would write: the definitions' kinds, every value, the best of each group in memory.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        await using var scope = CreateScope();
        var context = Context(scope);
        var kinds = await context.Set<MetricDefinition>().AsNoTracking()
            .Where(d => SetDefinitionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Kind)
            .ConfigureAwait(false);
        var values = await MemberValues(context, MemberGuid, SetDefinitionIds).ToListAsync().ConfigureAwait(false);
        var bests = values
            .GroupBy(m => m.DefinitionId)
            .Where(g => kinds[g.Key].BestDirection() != BestDirection.None)
            .ToDictionary(
                g => g.Key,
                g => kinds[g.Key].BestDirection() == BestDirection.HigherIsBetter
                    ? g.OrderByDescending(m => m.Value, MetricValue.Comparer.Quantity).ThenBy(m => m.RecordedAt).First()
                    : g.OrderBy(m => m.Value, MetricValue.Comparer.Quantity).ThenBy(m => m.RecordedAt).First());
        return bests.Count;
    }
}
