namespace MetricSets;

/// <summary>What a bulk recording wrote.</summary>
public sealed class RecordManyResult
{
    /// <summary>Gets how many rows were given.</summary>
    public required int Total { get; init; }

    /// <summary>Gets how many values were recorded by this call.</summary>
    public required int Recorded { get; init; }

    /// <summary>
    /// Gets how many rows repeated a value already stored under the same id (an idempotent retry of an earlier import, or
    /// the same id twice in one import with the same content) and were therefore not recorded again.
    /// </summary>
    public int AlreadyRecorded => Total - Recorded;
}
