using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads;

/// <summary>A resolved definition as the raw read returns it.</summary>
public sealed record RawResolvedMetric(Guid DefinitionId, string Slug, string Name, MetricUnit Unit, MetricKind Kind, MetricValue? Latest);

/// <summary>
/// Set resolution (the org-scoped endpoint): a 20-definition set, its localized names and one member's latest value of
/// each, converted to the definition's unit.
/// </summary>
public class SetResolutionBenchmarks : LibraryReadBenchmark
{
    /// <summary>The best hand-written SQL: the set's entries drive one index probe each.</summary>
    public const string Sql = """
        SELECT s.name, d.id, d.slug, coalesce(d.name_i18n ->> $3, d.name_i18n ->> 'en'), d.unit, d.kind, m.value, m.unit
        FROM metric_sets AS s
        JOIN metric_set_definitions AS e ON e.set_id = s.id
        JOIN metric_definitions AS d ON d.id = e.definition_id
        LEFT JOIN LATERAL (
            SELECT mm.value, mm.unit
            FROM member_metrics AS mm
            WHERE mm.member_id = $2 AND mm.definition_id = d.id
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        WHERE s.id = $1
        ORDER BY e.sort_order, d.id
        """;

    private const string Language = "ru";
    private static readonly MetricSetId SetId = new(BenchCatalog.SetId);

    /// <inheritdoc />
    [ParamsSource(nameof(EdgeDepthValues))]
    public override int Depth { get; set; }

    /// <summary>Raw Npgsql, hand-written SQL: the floor.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = Raw.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = BenchCatalog.SetId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = MemberGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = Language, NpgsqlDbType = NpgsqlDbType.Text });
        var metrics = await ReadAllAsync(command, Read).ConfigureAwait(false);
        return metrics.Count;

        static RawResolvedMetric Read(NpgsqlDataReader reader)
        {
            var unit = reader.GetFieldValue<MetricUnit>(4);
            return new RawResolvedMetric(
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                unit,
                reader.GetFieldValue<MetricKind>(5),
                reader.IsDBNull(6) ? null : MetricValue.Of(reader.GetDecimal(6), reader.GetFieldValue<MetricUnit>(7)).ConvertTo(unit));
        }
    }

    /// <summary>IMetricSetResolver.ResolveAsync.</summary>
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services)
    {
        var resolved = await services.GetRequiredService<IMetricSetResolver>()
            .ResolveAsync(Viewer, new MetricSetResolutionQuery(SetId, Member) { Language = Language }).ConfigureAwait(false);
        return resolved.Metrics.Count;
    }

    /// <summary>The LINQ a user would write: the set with its entries, its definitions, then the latest values.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        await using var scope = CreateScope();
        var context = Context(scope);
        var set = await context.Set<MetricSet>().AsNoTracking().Include(s => s.Entries).FirstAsync(s => s.Id == SetId).ConfigureAwait(false);
        var ids = set.DefinitionIds;
        var definitions = await context.Set<MetricDefinition>().AsNoTracking()
            .Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id).ConfigureAwait(false);
        var latest = await MemberValues(context, MemberGuid, ids)
            .GroupBy(m => m.DefinitionId)
            .Select(g => g.OrderByDescending(m => m.RecordedAt).First())
            .ToDictionaryAsync(m => m.DefinitionId)
            .ConfigureAwait(false);
        var metrics = ids
            .Select(id => definitions[id])
            .Select(d => new RawResolvedMetric(
                d.Id.Value, d.Slug.ToString(), d.Name.Resolve(Language), d.Unit, d.Kind, latest.TryGetValue(d.Id, out var m) ? m.Value.ConvertTo(d.Unit) : null))
            .ToList();
        return metrics.Count;
    }
}
