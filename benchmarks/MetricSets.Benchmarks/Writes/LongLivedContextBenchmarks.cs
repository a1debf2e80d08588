using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.Benchmarks.Writes;

/// <summary>
/// One long-lived context (a worker, a migration) recording 10,000 values one by one: the last 1,000 must cost what the
/// first 1,000 do, because the library tracks nothing. Target: Last1000 ≤ 1.2× First1000.
/// </summary>
public class LongLivedContextBenchmarks : WriteBenchmark
{
    /// <summary>Values per measured batch.</summary>
    public const int Batch = 1_000;

    private AsyncServiceScope _scope;
    private int _next;

    /// <summary>A fresh scope for the first thousand.</summary>
    [IterationSetup(Target = nameof(First1000))]
    public void FreshScope()
    {
        Truncate();
        _scope = CreateScope();
    }

    /// <summary>A scope that has already recorded 9,000 values, for the last thousand.</summary>
    [IterationSetup(Target = nameof(Last1000))]
    public void UsedScope()
    {
        FreshScope();
        RecordBatchAsync(9 * Batch).GetAwaiter().GetResult();
    }

    /// <summary>Releases the scope.</summary>
    [IterationCleanup]
    public void ReleaseScope() => _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The first thousand values of a context.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public Task First1000() => RecordBatchAsync(Batch);

    /// <summary>Values 9,001 to 10,000 of the same context.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public Task Last1000() => RecordBatchAsync(Batch);

    private async Task RecordBatchAsync(int count)
    {
        var recorder = Recorder(_scope);
        for (var i = 0; i < count; i++)
        {
            var n = ++_next;
            await recorder.RecordAsync(
                Staff,
                new RecordMetricRequest(new UserId(Members[n % Members.Length]), new MetricDefinitionId(Squat.Id), MetricValue.Of(100 + (n % 100), MetricUnit.Kilogram)))
                .ConfigureAwait(false);
        }
    }
}
