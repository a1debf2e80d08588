namespace MetricSets;

/// <summary>What a <see cref="MetricAccessRequest"/> asks to do.</summary>
public enum MetricOperation
{
    /// <summary>Read a member's values (latest, last N, bests, history, the values part of a set's resolution).</summary>
    ReadValues,

    /// <summary>Record a value for a member, with a source.</summary>
    RecordValue,

    /// <summary>Delete one stored value of a member.</summary>
    DeleteValue,

    /// <summary>Read an organization's members' values together (leaderboards).</summary>
    ReadOrganization,

    /// <summary>See a metric set.</summary>
    ViewSet,

    /// <summary>Create, change or delete a metric set.</summary>
    ManageSet,
}
