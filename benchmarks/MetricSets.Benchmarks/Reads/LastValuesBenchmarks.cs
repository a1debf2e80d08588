using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads;

/// <summary>The last 10 values of each of 20 definitions for one member (FHIR's $lastn).</summary>
public class LastValuesBenchmarks : LibraryReadBenchmark
{
    /// <summary>Values per definition.</summary>
    public const int Count = 10;

    /// <summary>The best hand-written SQL: one bounded index range per definition.</summary>
    public const string Sql = """
        SELECT d.id, m.id, m.value, m.unit, m.recorded_at, m.source
        FROM unnest($2::uuid[]) AS d(id)
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = $1 AND mm.definition_id = d.id
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT $3) AS m ON true
        """;

    /// <inheritdoc />
    [ParamsSource(nameof(EdgeDepthValues))]
    public override int Depth { get; set; }

    /// <summary>Raw Npgsql, hand-written SQL: the floor.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = MemberDefinitionsCommand(Sql);
        command.Parameters.Add(new() { Value = Count, NpgsqlDbType = NpgsqlDbType.Integer });
        var rows = await ReadAllAsync(command, reader => ReadRaw(reader)).ConfigureAwait(false);
        return rows.GroupBy(r => r.DefinitionId).ToDictionary(g => g.Key, g => g.ToList()).Count;
    }

    /// <summary>IMemberMetricReader.GetLastAsync.</summary>
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMemberMetricReader>().GetLastAsync(Viewer, Member, SetDefinitionIds, Count).ConfigureAwait(false)).Count;

    /// <summary>The LINQ a user would write: group by definition, newest first, take 10.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        await using var scope = CreateScope();
        var groups = await MemberValues(Context(scope), MemberGuid, SetDefinitionIds)
            .GroupBy(m => m.DefinitionId)
            .Select(g => new { g.Key, Values = g.OrderByDescending(m => m.RecordedAt).Take(Count).ToList() })
            .ToListAsync()
            .ConfigureAwait(false);
        return groups.Count;
    }
}
