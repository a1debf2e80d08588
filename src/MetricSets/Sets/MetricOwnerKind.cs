namespace MetricSets;

/// <summary>The kind of party that owns a <see cref="MetricSet"/>.</summary>
public enum MetricOwnerKind
{
    /// <summary>A member (a user): the set follows the person across organizations.</summary>
    Member,

    /// <summary>A workout of the host application.</summary>
    Workout,

    /// <summary>An organization (a gym).</summary>
    Organization,
}
