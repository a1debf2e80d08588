namespace MetricSets;

/// <summary>
/// The physical quantity a <see cref="MetricUnit"/> measures. Values convert only between units of one dimension.
/// </summary>
public enum UnitDimension
{
    /// <summary>Mass: kilograms and pounds.</summary>
    Mass,

    /// <summary>A proportion of a whole, in percent.</summary>
    Ratio,

    /// <summary>Elapsed time: seconds, minutes and hours.</summary>
    Time,

    /// <summary>Length or distance: metric and imperial length units.</summary>
    Length,

    /// <summary>A whole count of repetitions.</summary>
    Count,

    /// <summary>A rate of events per minute, such as heart rate.</summary>
    Frequency,

    /// <summary>Mechanical power output, such as a rower's or a bike's watts.</summary>
    Power,

    /// <summary>Energy, such as calories burned.</summary>
    Energy,
}
