using BenchmarkDotNet.Attributes;
using MetricSets.Benchmarks.Reads;

namespace MetricSets.Benchmarks.Scale;

/// <summary>
/// One member's personal bests of the set's 20 definitions against their latest values, at history depth 1,000 (kg and
/// lb mixed on the one-rep maxes), through the library with a pooled context. Targets: bests within 1.5× of latest values
/// at each size, and ≤ 1.5× growth of the bests from 100k to 10M rows.
/// </summary>
public class PersonalBestsAtDepthBenchmarks : ReadBenchmark
{
    /// <summary>Gets the depths: 1,000 only.</summary>
    public static IEnumerable<int> DeepValues => [1_000];

    /// <inheritdoc />
    [ParamsSource(nameof(DeepValues))]
    public override int Depth { get; set; }

    /// <summary>IMemberMetricReader.GetLatestAsync: one probe per definition, the reference.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> LatestValues()
    {
        await using var scope = CreatePooledScope();
        return (await Reader(scope).GetLatestAsync(Viewer, Member, SetDefinitionIds).ConfigureAwait(false)).Count;
    }

    /// <summary>IMemberMetricReader.GetPersonalBestsAsync: one probe of the amount index per definition.</summary>
    [Benchmark]
    public async Task<int> PersonalBests()
    {
        await using var scope = CreatePooledScope();
        return (await Reader(scope).GetPersonalBestsAsync(Viewer, Member, SetDefinitionIds).ConfigureAwait(false)).Count;
    }
}
