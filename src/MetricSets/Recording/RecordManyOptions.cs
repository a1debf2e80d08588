namespace MetricSets;

/// <summary>Options of a bulk recording (<c>IMemberMetricRecorder.RecordManyAsync</c>).</summary>
/// <remarks>A bulk recording is all-or-nothing: every row is validated and authorized before any is written, and the rows
/// are written in one transaction (a savepoint of the host's transaction, when there is one).</remarks>
public sealed class RecordManyOptions
{
    /// <summary>Gets or sets where to report progress, or <see langword="null"/> for none. Reports come from the calling thread.</summary>
    public IProgress<RecordManyProgress>? Progress { get; init; }

    /// <summary>Gets or sets how many rows pass between two progress reports while writing: 1 or more; 10,000 by default.</summary>
    public int ProgressInterval { get; init; } = 10_000;
}
