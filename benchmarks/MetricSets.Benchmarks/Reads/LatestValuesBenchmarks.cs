using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads;

/// <summary>The latest value of each of a 20-definition set's definitions for one member.</summary>
public class LatestValuesBenchmarks : LibraryReadBenchmark
{
    /// <summary>The best hand-written SQL: one index probe per definition.</summary>
    public const string Sql = """
        SELECT d.id, m.id, m.value, m.unit, m.recorded_at, m.source
        FROM unnest($2::uuid[]) AS d(id)
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = $1 AND mm.definition_id = d.id
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        """;

    /// <inheritdoc />
    [ParamsSource(nameof(AllDepthValues))]
    public override int Depth { get; set; }

    /// <summary>Raw Npgsql, hand-written SQL: the floor.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = MemberDefinitionsCommand(Sql);
        return (await ReadAllAsync(command, reader => ReadRaw(reader)).ConfigureAwait(false)).Count;
    }

    /// <summary>IMemberMetricReader.GetLatestAsync.</summary>
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMemberMetricReader>().GetLatestAsync(Viewer, Member, SetDefinitionIds).ConfigureAwait(false)).Count;

    /// <summary>The LINQ a user would write: group by definition, newest first, take the first.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        await using var scope = CreateScope();
        var latest = await MemberValues(Context(scope), MemberGuid, SetDefinitionIds)
            .GroupBy(m => m.DefinitionId)
            .Select(g => g.OrderByDescending(m => m.RecordedAt).First())
            .ToListAsync()
            .ConfigureAwait(false);
        return latest.Count;
    }
}
