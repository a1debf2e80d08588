using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Mathematics;

namespace MetricSets.Benchmarks.Reads.Authorization;

/// <summary>
/// The authorization benchmarks' four ways called in turn within one process (<c>--interleaved</c>): each round times
/// every way for the same short while, one after the other, so a change in the machine's speed lands on all four alike.
/// BenchmarkDotNet runs each way in a process of its own, minutes apart, and on this shared 2-core virtual machine the
/// raw baseline alone measured 2.5 to 5.9 ms for the same leaderboard page in different runs. Reports the median time
/// per call and the median and range of each round's ratio to the raw baseline. A complement to the BenchmarkDotNet
/// runs, with no statistics beyond those.
/// </summary>
public static class InterleavedAuthorization
{
    private const int WarmupRounds = 5;
    private const int MeasuredRounds = 15;
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(150);

    /// <summary>Measures latest values, set resolution and the leaderboard at <paramref name="rows"/>, unprepared and prepared, and writes the table to <paramref name="path"/>.</summary>
    public static async Task RunAsync(int rows, string path)
    {
        var output = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Interleaved authorization, {rows:N0} rows, depth 10, pooled: {MeasuredRounds} rounds of {Slice.TotalMilliseconds:F0} ms per way after {WarmupRounds} warm-up rounds.")
            .AppendLine()
            .AppendLine("| Read | Prepared | Way | Median per call | Ratio to raw, median | Ratio, range |")
            .AppendLine("|---|---|---|---:|---:|---:|");
        foreach (var prepared in new[] { false, true })
        {
            foreach (var (name, benchmark) in Benchmarks(rows, prepared))
            {
                await benchmark.GlobalSetupAsync().ConfigureAwait(false);
                try
                {
                    await MeasureAsync(name, prepared, benchmark, output).ConfigureAwait(false);
                }
                finally
                {
                    await benchmark.GlobalCleanupAsync().ConfigureAwait(false);
                }
            }
        }

        await File.WriteAllTextAsync(path, output.ToString()).ConfigureAwait(false);
        Console.Write(output);
    }

    private static IEnumerable<(string Name, AuthorizationBenchmark Benchmark)> Benchmarks(int rows, bool prepared) =>
    [
        ("Latest values", new AuthorizedLatestValuesBenchmarks { Rows = rows, Depth = 10, AutoPrepare = prepared }),
        ("Set resolution", new AuthorizedSetResolutionBenchmarks { Rows = rows, Depth = 10, AutoPrepare = prepared }),
        ("Leaderboard", new AuthorizedLeaderboardBenchmarks { Rows = rows, Depth = 10, AutoPrepare = prepared }),
    ];

    private static async Task MeasureAsync(string read, bool prepared, AuthorizationBenchmark benchmark, StringBuilder output)
    {
        (string Name, Func<Task<int>> Call)[] ways =
        [
            (nameof(benchmark.RawNpgsqlAuthorized), benchmark.RawNpgsqlAuthorized),
            (nameof(benchmark.InMemoryDirectory), benchmark.InMemoryDirectory),
            (nameof(benchmark.DatabaseDirectory), benchmark.DatabaseDirectory),
            (nameof(benchmark.MappedMemberships), benchmark.MappedMemberships),
        ];
        var perCall = ways.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < WarmupRounds + MeasuredRounds; round++)
        {
            for (var way = 0; way < ways.Length; way++)
            {
                var microseconds = await SliceAsync(ways[way].Call).ConfigureAwait(false);
                if (round >= WarmupRounds)
                {
                    perCall[way].Add(microseconds);
                }
            }
        }

        for (var way = 0; way < ways.Length; way++)
        {
            var ratios = new Statistics(perCall[way].Select((time, round) => time / perCall[0][round]));
            output.AppendLine(CultureInfo.InvariantCulture, $"| {read} | {(prepared ? "yes" : "no")} | {ways[way].Name} | {new Statistics(perCall[way]).Median:F0} µs | {ratios.Median:F2}× | {ratios.Min:F2}–{ratios.Max:F2}× |");
        }
    }

    // Calls the way for one slice and returns its mean time per call, in microseconds.
    private static async Task<double> SliceAsync(Func<Task<int>> call)
    {
        var calls = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Slice)
        {
            await call().ConfigureAwait(false);
            calls++;
        }

        return clock.Elapsed.TotalMicroseconds / calls;
    }
}
