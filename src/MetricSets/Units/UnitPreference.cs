namespace MetricSets;

/// <summary>Which unit a reader wants values reported in.</summary>
public enum UnitPreference
{
    /// <summary>The definition's own unit.</summary>
    DefinitionUnit,

    /// <summary>Metric units: kg, km, m, cm. Units without an imperial counterpart (seconds, %, reps, …) are kept.</summary>
    Metric,

    /// <summary>Imperial units: lb, mi, yd, in. Units without a metric counterpart (seconds, %, reps, …) are kept.</summary>
    Imperial,
}
