namespace MetricSets;

/// <summary>Which way "better" points for a <see cref="MetricKind"/>, used by personal bests and best-first rankings.</summary>
public enum BestDirection
{
    /// <summary>The kind has no universal "better" (body composition, heart rate, circumferences): no best is computed.</summary>
    None,

    /// <summary>Greater is better: heavier one-rep max, longer distance, more repetitions, more power or energy.</summary>
    HigherIsBetter,

    /// <summary>Smaller is better: a shorter time for the same work.</summary>
    LowerIsBetter,
}
