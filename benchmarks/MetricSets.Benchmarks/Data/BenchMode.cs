using System.Globalization;

namespace MetricSets.Benchmarks.Data;

/// <summary>
/// Which sizes a run covers. The mode travels in environment variables so that BenchmarkDotNet's child processes, which
/// inherit the host's environment, see the same sizes and the same server.
/// </summary>
public static class BenchMode
{
    /// <summary>Set to 1 by <c>--quick</c>: 100k and 1M rows only, short jobs.</summary>
    public const string QuickVariable = "METRICSETS_BENCH_QUICK";

    /// <summary>Optional comma-separated row counts that replace the mode's (for trying a single size).</summary>
    public const string RowsVariable = "METRICSETS_BENCH_ROWS";

    /// <summary>A connection string to an existing server (any database; the benchmark creates its own databases).</summary>
    public const string ConnectionVariable = "METRICSETS_BENCH_CONNECTION";

    /// <summary>The directory of the kept cluster when no connection string is given.</summary>
    public const string DirectoryVariable = "METRICSETS_BENCH_DIR";

    /// <summary>Gets whether the run is the quick one.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>Gets the table sizes (member_metrics rows) of this run.</summary>
    public static IReadOnlyList<int> RowCounts =>
        Environment.GetEnvironmentVariable(RowsVariable) is { Length: > 0 } rows
            ? [.. rows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture))]
            : Quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000];

    /// <summary>Gets every history depth (values per member and definition).</summary>
    public static IReadOnlyList<int> AllDepths { get; } = [10, 100, 1_000];

    /// <summary>Gets the depths of reads whose naive form grows with depth: the shallowest and the deepest.</summary>
    public static IReadOnlyList<int> EdgeDepths { get; } = [10, 1_000];
}
