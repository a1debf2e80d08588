namespace MetricSets;

/// <summary>The stages of a bulk recording, in order.</summary>
public enum RecordManyStage
{
    /// <summary>Reading and validating the rows, and asking the access policy once per distinct member.</summary>
    Validating,

    /// <summary>Writing the rows (binary COPY).</summary>
    Writing,

    /// <summary>Done: the rows are written (committed, unless the caller's transaction is still open).</summary>
    Completed,
}
