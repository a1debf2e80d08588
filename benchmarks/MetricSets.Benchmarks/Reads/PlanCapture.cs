using System.Data.Common;
using System.Globalization;
using System.Text;
using MetricSets.Benchmarks.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// Prints EXPLAIN (ANALYZE, BUFFERS) of the SQL the library itself sends for each read: auto_explain is loaded on every
/// connection the library's context opens and its plans come back as notices, so the plans are of the library's exact
/// statements and parameters, not of a copy. Run with <c>--plans</c>.
/// </summary>
public static class PlanCapture
{
    /// <summary>Captures the plans at <paramref name="rows"/> and writes them, as markdown, to <paramref name="path"/>.</summary>
    public static async Task RunAsync(int rows, string path)
    {
        var output = new StringBuilder();
        var interceptor = new AutoExplainInterceptor();
        ReadBenchmark.Interceptor = interceptor;
        (string Title, ReadBenchmark Benchmark, Func<ReadBenchmark, Task<int>> Read)[] reads =
        [
            ("Latest values of a 20-definition set (GetLatestAsync)", new LatestValuesBenchmarks { Rows = rows, Depth = 1000 }, b => ((LatestValuesBenchmarks)b).Library()),
            ("Latest values of a 20-definition set (GetLatestAsync), depth 10", new LatestValuesBenchmarks { Rows = rows, Depth = 10 }, b => ((LatestValuesBenchmarks)b).Library()),
            ("Set resolution (ResolveAsync)", new SetResolutionBenchmarks { Rows = rows, Depth = 1000 }, b => ((SetResolutionBenchmarks)b).Library()),
            ("Organization leaderboard, best first (GetLeaderboardAsync), depth 10", new LeaderboardBenchmarks { Rows = rows, Depth = 10 }, b => ((LeaderboardBenchmarks)b).Library()),
            ("History page from the middle (GetHistoryAsync)", new HistoryBenchmarks { Rows = rows, Depth = 1000 }, b => ((HistoryBenchmarks)b).Library()),
            ("Last 10 values of 20 definitions (GetLastAsync)", new LastValuesBenchmarks { Rows = rows, Depth = 1000 }, b => ((LastValuesBenchmarks)b).Library()),
            ("Personal bests of 20 definitions (GetPersonalBestsAsync)", new PersonalBestBenchmarks { Rows = rows, Depth = 1000 }, b => ((PersonalBestBenchmarks)b).Library()),
        ];
        foreach (var (title, benchmark, read) in reads)
        {
            await benchmark.GlobalSetupAsync().ConfigureAwait(false);
            await read(benchmark).ConfigureAwait(false);
            interceptor.Plans.Clear();
            interceptor.Capture = true;
            await read(benchmark).ConfigureAwait(false);
            interceptor.Capture = false;
            await benchmark.GlobalCleanupAsync().ConfigureAwait(false);
            output.Append(CultureInfo.InvariantCulture, $"#### {title} — {new BenchShape(rows, benchmark.Depth).DatabaseName}\n\n");
            foreach (var plan in interceptor.Plans)
            {
                output.Append("```text\n").Append(plan.TrimEnd()).Append("\n```\n\n");
            }
        }

        ReadBenchmark.Interceptor = null;
        await File.WriteAllTextAsync(path, output.ToString()).ConfigureAwait(false);
        Console.WriteLine($"// Plans written to {Path.GetFullPath(path)}");
    }

    private sealed class AutoExplainInterceptor : DbConnectionInterceptor
    {
        public List<string> Plans { get; } = [];

        public bool Capture { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var npgsql = (NpgsqlConnection)connection;
            npgsql.Notice -= OnNotice;
            npgsql.Notice += OnNotice;
            await using var command = new NpgsqlCommand(
                """
                LOAD 'auto_explain';
                SET auto_explain.log_min_duration = 0;
                SET auto_explain.log_analyze = on;
                SET auto_explain.log_buffers = on;
                SET auto_explain.log_timing = on;
                SET client_min_messages = log;
                """,
                npgsql);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        private void OnNotice(object sender, NpgsqlNoticeEventArgs e)
        {
            if (Capture && e.Notice.MessageText.StartsWith("duration:", StringComparison.Ordinal))
            {
                Plans.Add(e.Notice.MessageText);
            }
        }
    }
}
