using BenchmarkDotNet.Attributes;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Writes;

/// <summary>
/// Importing 100,000 values into an empty member_metrics: raw binary COPY (the floor) against the library's
/// <c>RecordManyAsync</c> — without client ids (straight COPY after validation and the policy per member) and with them
/// (COPY into a staging table, then <c>INSERT … ON CONFLICT</c> and the conflict check). Target: Library ≤ 1.3× RawCopy.
/// </summary>
public class RecordManyBenchmarks : WriteBenchmark
{
    /// <summary>Rows per import.</summary>
    public const int Rows = 100_000;

    private List<RecordMetricRequest> _requests = [];

    /// <summary>Empties the table and mints the rows (fresh ids for the variant that sends them); not measured.</summary>
    [IterationSetup]
    public void IterationSetup()
    {
        Truncate();
        var start = DateTime.UtcNow.AddYears(-2);
        _requests = [.. Enumerable.Range(0, Rows).Select(i => new RecordMetricRequest(
            new UserId(Members[i % Members.Length]), new MetricDefinitionId(Squat.Id), MetricValue.Of(60 + (i % 140), i % 3 == 0 ? MetricUnit.Pound : MetricUnit.Kilogram))
        {
            RecordedAt = NodaTime.Instant.FromDateTimeUtc(start.AddMinutes(i)),
            Source = MetricSource.CoachInput,
            Id = MemberMetricId.New(),
        })];
    }

    /// <summary>The floor: binary COPY of the same rows straight into member_metrics.</summary>
    [Benchmark(Baseline = true)]
    public async Task<ulong> RawCopy()
    {
        await using var connection = await Raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY member_metrics (id, member_id, definition_id, value, unit, recorded_at, source) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
        foreach (var request in _requests)
        {
            await importer.StartRowAsync().ConfigureAwait(false);
            await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid).ConfigureAwait(false);
            await importer.WriteAsync(request.MemberId.Value, NpgsqlDbType.Uuid).ConfigureAwait(false);
            await importer.WriteAsync(request.DefinitionId.Value, NpgsqlDbType.Uuid).ConfigureAwait(false);
            await importer.WriteAsync(request.Value.Amount, NpgsqlDbType.Numeric).ConfigureAwait(false);
            await importer.WriteAsync(request.Value.Unit).ConfigureAwait(false);
            await importer.WriteAsync(request.RecordedAt!.Value.ToDateTimeUtc(), NpgsqlDbType.TimestampTz).ConfigureAwait(false);
            await importer.WriteAsync(request.Source!.Code, NpgsqlDbType.Varchar).ConfigureAwait(false);
        }

        return await importer.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>The library without client ids: validation, the policy per member, then COPY into member_metrics.</summary>
    [Benchmark]
    public async Task<int> Library()
    {
        await using var scope = CreatePooledScope();
        return (await Recorder(scope).RecordManyAsync(Staff, _requests.Select(r => new RecordMetricRequest(r.MemberId, r.DefinitionId, r.Value) { RecordedAt = r.RecordedAt, Source = r.Source })).ConfigureAwait(false)).Recorded;
    }

    /// <summary>The library with client ids: idempotent, through a staging table.</summary>
    [Benchmark]
    public async Task<int> LibraryWithIds()
    {
        await using var scope = CreatePooledScope();
        return (await Recorder(scope).RecordManyAsync(Staff, _requests).ConfigureAwait(false)).Recorded;
    }
}
