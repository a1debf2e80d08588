using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// A page of 50 of one definition's values (deadlift, mixed kg/lb), oldest first, from the middle of the history:
/// the page starting at value depth / 2 (rounded down to a page), that is page 1 of 1 at depth 10 and page 11 at 1,000.
/// </summary>
public class HistoryBenchmarks : LibraryReadBenchmark
{
    /// <summary>The page size.</summary>
    public const int PageSize = 50;

    /// <summary>The best hand-written SQL: a keyset range scan starting after the previous page's last row.</summary>
    public const string Sql = """
        SELECT mm.definition_id, mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
        FROM member_metrics AS mm
        WHERE mm.member_id = $1 AND mm.definition_id = $2
          AND mm.recorded_at >= $3 AND (mm.recorded_at > $3 OR mm.id > $4)
        ORDER BY mm.recorded_at, mm.id
        LIMIT $5
        """;

    private static readonly MetricDefinitionId Definition = new(BenchCatalog.HistoryDefinition.Id);
    private string? _cursor;
    private DateTime _afterTime = DateTime.MinValue;
    private Guid _afterId = Guid.Empty;
    private int _offset;

    /// <inheritdoc />
    [ParamsSource(nameof(EdgeDepthValues))]
    public override int Depth { get; set; }

    /// <summary>Raw Npgsql, hand-written SQL: the floor (the page plus one row, to know whether another follows).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        await using var command = Raw.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = MemberGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = BenchCatalog.HistoryDefinition.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = _afterTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = _afterId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = PageSize + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var rows = await ReadAllAsync(command, reader => ReadRaw(reader)).ConfigureAwait(false);
        return rows.Take(PageSize).Count();
    }

    /// <summary>IMemberMetricReader.GetHistoryAsync with the previous page's cursor.</summary>
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services)
    {
        var page = await services.GetRequiredService<IMemberMetricReader>().GetHistoryAsync(Viewer, new MetricHistoryQuery(Member, Definition) { PageSize = PageSize, Cursor = _cursor }).ConfigureAwait(false);
        return page.Items.Count;
    }

    /// <summary>The LINQ a user would write: order, Skip the previous pages, Take one more than a page.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        await using var scope = CreateScope();
        var rows = await MemberValues(Context(scope), MemberGuid, [Definition])
            .OrderBy(m => m.RecordedAt).ThenBy(m => m.Id)
            .Skip(_offset).Take(PageSize + 1)
            .ToListAsync()
            .ConfigureAwait(false);
        return rows.Take(PageSize).Count();
    }

    /// <inheritdoc />
    protected override async Task SetupAsync()
    {
        // Walk the library's pages up to the middle one; the raw read resumes after the same row.
        var pages = Depth / 2 / PageSize;
        await using var scope = CreateScope();
        for (var i = 0; i < pages; i++)
        {
            var page = await Reader(scope).GetHistoryAsync(Viewer, new MetricHistoryQuery(Member, Definition) { PageSize = PageSize, Cursor = _cursor }).ConfigureAwait(false);
            _cursor = page.NextCursor;
            _afterTime = page.Items[^1].RecordedAt.ToDateTimeUtc();
            _afterId = page.Items[^1].Id.Value;
            _offset += page.Items.Count;
        }
    }
}
