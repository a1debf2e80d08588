namespace MetricSets;

/// <summary>What a <see cref="MetricNotFoundException"/> looked for.</summary>
public enum MetricEntity
{
    /// <summary>A member: a user of the host, by <see cref="UserId"/>.</summary>
    Member,

    /// <summary>An organization of the host, by <see cref="OrganizationId"/>.</summary>
    Organization,

    /// <summary>A workout of the host, by <see cref="WorkoutId"/>.</summary>
    Workout,

    /// <summary>A catalogue entry, by <see cref="MetricDefinitionId"/>.</summary>
    MetricDefinition,

    /// <summary>A metric set, by <see cref="MetricSetId"/>.</summary>
    MetricSet,

    /// <summary>A definition's place in a metric set, by <see cref="MetricDefinitionId"/>.</summary>
    MetricSetEntry,

    /// <summary>A recorded value, by <see cref="MemberMetricId"/>.</summary>
    MemberMetric,
}
