using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using MetricSets.Benchmarks.Data;
using Perfolizer.Horology;

// The read suite compares, per query, hand-written SQL on raw Npgsql (the baseline), the library's service and the naive
// EF LINQ, over databases of 100k/1M/10M member_metrics rows at history depths 10/100/1000. The write suite (--filter
// '*Writes*') compares recording one value, importing 100,000 and a long-lived context against raw INSERT and COPY.
// See docs/performance.md.
//
//   dotnet run -c Release --project benchmarks/MetricSets.Benchmarks -- --quick    100k and 1M rows, short job (< 10 min)
//   dotnet run -c Release --project benchmarks/MetricSets.Benchmarks -- --full     adds 10M rows, longer job
//
// Any other argument goes to BenchmarkDotNet (default: --filter '*'), e.g. --filter '*Leaderboard*'. The scale suite
// (docs/scaling.md): --filter '*LeaderboardScale*', '*PersonalBestsAtDepth*', '*FlatReadsWriteCost*'. --interleaved times
// the authorization benchmarks' four ways in turn within one process (at the run's largest size), instead of
// BenchmarkDotNet's process per way; --plans prints the plans of the library's statements.
var quick = args.Contains("--quick");
var full = args.Contains("--full");
var plans = args.Contains("--plans");
var interleaved = args.Contains("--interleaved");
args = [.. args.Where(a => a is not "--quick" and not "--full" and not "--plans" and not "--interleaved")];
if (!args.Contains("--filter"))
{
    args = [.. args, "--filter", "*"];
}

if (quick)
{
    Environment.SetEnvironmentVariable(BenchMode.QuickVariable, "1");
}

// The full job warms up for 3 s: the library's paths JIT many more methods than raw Npgsql, and on 2 cores their tiering
// to optimized code (tiered PGO) takes a few seconds; three 200 ms warm-ups measured part of the library at tier 0.
var job = quick
    ? Job.Default.WithId("Quick").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100))
    : full
        ? Job.Default.WithId("Full").WithLaunchCount(1).WithWarmupCount(15).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(200))
        : null;
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
if (job is not null)
{
    config = config.AddJob(job.AsDefault());
}

// Generate (or find) every database up front, in this process: the benchmark processes BenchmarkDotNet starts inherit
// METRICSETS_BENCH_CONNECTION and reuse this server.
var filters = args.SkipWhile(a => a != "--filter").Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
// The scale suite (namespace Scale) brings its own databases: the leaderboard's organizations of up to 100,000 members,
// depth 1,000 for personal bests, empty ones for the write cost.
static bool IsScale(string filter) =>
    filter.Contains("Scale", StringComparison.Ordinal) || filter.Contains("FlatReads", StringComparison.Ordinal) || filter.Contains("AtDepth", StringComparison.Ordinal);
var readsSelected = filters.Exists(f => !f.Contains("Conversion", StringComparison.Ordinal) && !f.Contains("Writes", StringComparison.Ordinal) && !IsScale(f));
var listing = args.Any(a => a is "--list" or "--help" or "-h" or "--info" or "--version");
try
{
    if (readsSelected && !listing)
    {
        foreach (var rows in BenchMode.RowCounts)
        {
            foreach (var depth in BenchMode.AllDepths)
            {
                await BenchDatabase.EnsureAsync(new BenchShape(rows, depth));
            }
        }
    }

    if (!listing && filters.Exists(f => f == "*" || f.Contains("LeaderboardScale", StringComparison.Ordinal) || f.Contains("Scale.", StringComparison.Ordinal)))
    {
        await BenchDatabase.EnsureAsync(MetricSets.Benchmarks.Scale.LeaderboardScaleBenchmarks.Shape);
    }

    if (!listing && filters.Exists(f => f.Contains("AtDepth", StringComparison.Ordinal)))
    {
        foreach (var rows in BenchMode.RowCounts)
        {
            await BenchDatabase.EnsureAsync(new BenchShape(rows, 1_000));
        }
    }

    if (interleaved)
    {
        var largest = BenchMode.RowCounts.Max();
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await MetricSets.Benchmarks.Reads.Authorization.InterleavedAuthorization.RunAsync(
            largest, Path.Combine("BenchmarkDotNet.Artifacts", $"interleaved-authorization-{largest}.md"));
        return;
    }

    if (plans)
    {
        // EXPLAIN (ANALYZE, BUFFERS) of the library's own SQL at the run's largest size, instead of measuring.
        var largest = BenchMode.RowCounts.Max();
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await MetricSets.Benchmarks.Reads.PlanCapture.RunAsync(largest, Path.Combine("BenchmarkDotNet.Artifacts", $"plans-{largest}.md"));
        return;
    }

    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
}
finally
{
    await BenchServer.StopAsync();
}
