namespace MetricSets;

/// <summary>How far a bulk recording has come.</summary>
/// <threadsafety>This type is an immutable value type.</threadsafety>
public readonly struct RecordManyProgress : IEquatable<RecordManyProgress>
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="stage">What the recording is doing.</param>
    /// <param name="processed">How many rows the stage has processed.</param>
    /// <param name="total">How many rows the batch holds.</param>
    public RecordManyProgress(RecordManyStage stage, int processed, int total)
    {
        Stage = stage;
        Processed = processed;
        Total = total;
    }

    /// <summary>Gets what the recording is doing.</summary>
    public RecordManyStage Stage { get; }

    /// <summary>Gets how many rows the stage has processed.</summary>
    public int Processed { get; }

    /// <summary>Gets how many rows the batch holds (the requests are read in full before the first report).</summary>
    public int Total { get; }

    /// <inheritdoc />
    public bool Equals(RecordManyProgress other) => Stage == other.Stage && Processed == other.Processed && Total == other.Total;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RecordManyProgress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, Processed, Total);

    /// <summary>Returns the progress for logs, for example <c>Writing 20000/100000</c>.</summary>
    /// <returns>The progress as text.</returns>
    public override string ToString() => $"{Stage} {Processed}/{Total}";

    /// <summary>Determines whether two progress reports are equal.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(RecordManyProgress left, RecordManyProgress right) => left.Equals(right);

    /// <summary>Determines whether two progress reports differ.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(RecordManyProgress left, RecordManyProgress right) => !left.Equals(right);
}
