namespace MetricSets;

/// <summary>
/// What a <see cref="MetricDefinition"/> measures. Stored as the PostgreSQL enum <c>metric_kind</c>, whose labels
/// are the snake_case member names (<c>one_rep_max</c>, <c>body_comp</c>, …) in declaration order.
/// </summary>
/// <remarks>
/// Each kind allows certain <see cref="UnitDimension"/>s; see <see cref="MetricKindExtensions.AllowedDimensions(MetricKind)"/>.
/// The first four members are the seed's; new members are only ever appended.
/// </remarks>
public enum MetricKind
{
    /// <summary>The heaviest load lifted for one repetition (<c>one_rep_max</c>); a <see cref="UnitDimension.Mass"/>.</summary>
    OneRepMax,

    /// <summary>The time taken for a fixed piece of work, such as a 2 km row (<c>time</c>); a <see cref="UnitDimension.Time"/>.</summary>
    Time,

    /// <summary>The distance covered, such as a 12-minute run (<c>distance</c>); a <see cref="UnitDimension.Length"/>.</summary>
    Distance,

    /// <summary>
    /// Body composition (<c>body_comp</c>): body weight or lean mass (<see cref="UnitDimension.Mass"/>) or body fat
    /// (<see cref="UnitDimension.Ratio"/>).
    /// </summary>
    BodyComp,

    /// <summary>The most repetitions of an exercise, such as max pull-ups (<c>repetitions</c>); a <see cref="UnitDimension.Count"/>.</summary>
    Repetitions,

    /// <summary>A body circumference, such as waist or arm (<c>body_measurement</c>); a <see cref="UnitDimension.Length"/>.</summary>
    BodyMeasurement,

    /// <summary>A heart rate, such as resting heart rate (<c>heart_rate</c>); a <see cref="UnitDimension.Frequency"/>.</summary>
    HeartRate,

    /// <summary>Power output, such as peak watts on a bike (<c>power</c>); a <see cref="UnitDimension.Power"/>.</summary>
    Power,

    /// <summary>Energy expended, such as calories in a workout (<c>energy</c>); an <see cref="UnitDimension.Energy"/>.</summary>
    Energy,
}
