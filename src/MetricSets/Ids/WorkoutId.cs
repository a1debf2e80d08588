namespace MetricSets;

/// <summary>
/// Identifies a workout of the host application, which owns the workouts table.
/// </summary>
[StronglyTypedId]
public readonly partial struct WorkoutId;
