using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Data;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.Benchmarks.Writes;

/// <summary>
/// Recording one value, as one request does: the raw floor is one INSERT on a pooled connection; the library runs the
/// access policy and its one guarded <c>INSERT … ON CONFLICT</c> from a fresh DI scope; the naive EF way adds the entity
/// to a fresh context and calls <c>SaveChanges</c>. Target: LibraryPooled ≤ 1.5× RawNpgsql.
/// </summary>
public class RecordBenchmarks : WriteBenchmark
{
    private int _next;

    /// <summary>The floor: one hand-written INSERT.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawNpgsql()
    {
        var i = Interlocked.Increment(ref _next);
        await using var command = Raw.CreateCommand(
            "INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        AddInsertParameters(command, Guid.CreateVersion7(), Members[i % Members.Length], 100 + (i % 100), DateTime.UtcNow);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>The library, context from <c>AddDbContext</c>.</summary>
    [Benchmark]
    public Task<MetricReading> Library() => RecordAsync(CreateScope());

    /// <summary>The library, context from <c>AddDbContextPool</c>.</summary>
    [Benchmark]
    public Task<MetricReading> LibraryPooled() => RecordAsync(CreatePooledScope());

    /// <summary>The naive EF way: add the entity and save, fresh scope.</summary>
    [Benchmark]
    public async Task<int> NaiveEf()
    {
        var i = Interlocked.Increment(ref _next);
        await using var scope = CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var definition = new MetricDefinition(new MetricDefinitionId(Squat.Id), MetricSlug.Parse(Squat.Slug), LocalizedName.Of("en", Squat.Name), Squat.Unit, Squat.Kind);
        context.Add(MemberMetric.Record(definition, new UserId(Members[i % Members.Length]), MetricValue.Of(100 + (i % 100), MetricUnit.Kilogram), NodaTime.SystemClock.Instance.GetCurrentInstant(), MetricSource.CoachInput));
        return await context.SaveChangesAsync().ConfigureAwait(false);
    }

    private async Task<MetricReading> RecordAsync(AsyncServiceScope scope)
    {
        var i = Interlocked.Increment(ref _next);
        await using (scope.ConfigureAwait(false))
        {
            return await Recorder(scope).RecordAsync(
                Staff, new RecordMetricRequest(new UserId(Members[i % Members.Length]), new MetricDefinitionId(Squat.Id), MetricValue.Of(100 + (i % 100), MetricUnit.Kilogram))
                {
                    Source = MetricSource.CoachInput,
                }).ConfigureAwait(false);
        }
    }
}
