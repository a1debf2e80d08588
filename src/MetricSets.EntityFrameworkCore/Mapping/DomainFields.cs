namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>
/// The private fields of the domain types that EF Core maps by name. EF requires a field-only property to be named
/// exactly like its field; a typo would silently create a shadow property that never reads the field.
/// </summary>
internal static class DomainFields
{
    public const string SetMemberUserId = "_memberUserId";
    public const string SetWorkoutId = "_workoutId";
    public const string SetOrganizationId = "_organizationId";
    public const string SetEntries = "_entries";
    public const string MetricMemberId = "_memberId";
    public const string MetricAmount = "_amount";
    public const string MetricUnit = "_unit";
    public const string MetricRecordedIn = "_recordedIn";
}
