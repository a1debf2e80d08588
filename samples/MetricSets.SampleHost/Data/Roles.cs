namespace MetricSets.SampleHost.Data;

/// <summary>The role names stored in the memberships table, as the library is told them (<c>HasRoles</c>).</summary>
internal static class Roles
{
    public const string Member = "member";
    public const string Staff = "staff";
}
