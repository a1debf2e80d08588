namespace MetricSets;

/// <summary>The role a <see cref="MetricViewer"/> acts in within an organization.</summary>
public enum ViewerRole
{
    /// <summary>A member: sees their own values and nothing of anyone else's.</summary>
    Member,

    /// <summary>Staff (coach, manager) of the organization: sees the values of the organization's active members.</summary>
    Staff,
}
