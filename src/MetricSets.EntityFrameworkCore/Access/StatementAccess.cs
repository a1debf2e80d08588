using MetricSets.EntityFrameworkCore.Queries;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The access decision of one statement, as the statement's first part: a one-row <c>access (granted, grant_orgs)</c>
/// that every read joins first, so the check and the read are one round trip over one snapshot.
/// </summary>
/// <remarks>
/// <para>
/// What was decided before the statement arrives as parameters: the grants of the rules that ran in C# (all rules with a
/// host <see cref="IMembershipDirectory"/>; the host's own <see cref="IMetricAccessHandler"/>s with mapped memberships).
/// With mapped memberships (<see cref="MembershipSql"/>) the default rules are written into the statement itself.
/// </para>
/// <para>
/// <c>grant_orgs</c> is NULL when a grant covers everything (the member themself), else the organizations the grants
/// were made in: a restricted read is confined to them, and only they are disclosed as a reading's recorded-in
/// organization.
/// </para>
/// </remarks>
internal sealed class StatementAccess
{
    private readonly MetricViewer _viewer;
    private readonly bool _grantsEverything;
    private readonly Guid[] _grantedIn;

    public StatementAccess(MetricViewer viewer, MembershipSql? rulesInSql, IReadOnlyList<MetricAccessGrant> grants)
    {
        _viewer = viewer;
        RulesInSql = rulesInSql;
        _grantsEverything = grants.Any(grant => grant.Organization is null);
        _grantedIn = [.. grants.Where(grant => grant.Organization is not null).Select(grant => grant.Organization!.Value.Value).Distinct()];
    }

    /// <summary>Gets the mapped memberships whose default rules the statement applies, or <see langword="null"/> when C# decided.</summary>
    public MembershipSql? RulesInSql { get; }

    /// <summary>Gets the variant of a statement's text: one per way of deciding.</summary>
    public string Variant => RulesInSql?.Key ?? string.Empty;

    /// <summary>The <c>access</c> CTE of a read of <paramref name="member"/>'s values (a SQL expression).</summary>
    public static string ForMember(MembershipSql? rules, string member) =>
        Cte(
            self: rules is null ? "false" : $"{member} = @viewer_id",
            staffIn: rules is null
                ? "NULL::uuid"
                : $"CASE WHEN {ConfirmedStaff(rules)} AND {rules.Holds(member, "@viewer_org", rules.MemberRoles)} THEN @viewer_org END");

    /// <summary>The <c>access</c> CTE of a read of <paramref name="organization"/> as a whole (a SQL expression).</summary>
    public static string ForOrganization(MembershipSql? rules, string organization) =>
        Cte(
            self: "false",
            staffIn: rules is null ? "NULL::uuid" : $"CASE WHEN @viewer_org = {organization} AND {ConfirmedStaff(rules)} THEN @viewer_org END");

    /// <summary>
    /// The <c>access</c> CTE of recording a value for <paramref name="member"/> (a SQL expression) in the organization the
    /// actor acts in: the member themself (in an organization only when they hold a role there), or confirmed staff for an
    /// active member.
    /// </summary>
    public static string ForRecording(MembershipSql? rules, string member) =>
        Cte(
            self: rules is null ? "false" : $"{member} = @viewer_id AND @viewer_org IS NULL",
            staffIn: rules is null
                ? "NULL::uuid"
                : $"""
                  CASE WHEN ({member} = @viewer_id AND {rules.Holds("@viewer_id", "@viewer_org", rules.AnyRole)})
                         OR ({member} <> @viewer_id AND {ConfirmedStaff(rules)} AND {rules.Holds(member, "@viewer_org", rules.MemberRoles)})
                       THEN @viewer_org END
                  """);

    /// <summary>
    /// Whether the viewer may see the set <paramref name="set"/> (a table alias) under the default rules, or NULL when C#
    /// decides after reading the set's owner.
    /// </summary>
    public static string SetVisible(MembershipSql? rules, string set) =>
        rules is null
            ? "NULL::boolean"
            : $"""
              CASE WHEN {set}.member_user_id IS NOT NULL
                       THEN {set}.member_user_id = @viewer_id OR ({ConfirmedStaff(rules)} AND {rules.Holds($"{set}.member_user_id", "@viewer_org", rules.MemberRoles)})
                   WHEN {set}.organization_id IS NOT NULL
                       THEN {set}.organization_id = @viewer_org AND {rules.Holds("@viewer_id", "@viewer_org", rules.AnyRole)}
                   ELSE @viewer_org IS NOT NULL AND {rules.WorkoutOrganization($"{set}.workout_id")} = @viewer_org
                        AND {rules.Holds("@viewer_id", "@viewer_org", rules.AnyRole)}
              END
              """;

    /// <summary>The statement's access parameters, appended after its own positional ones.</summary>
    public NpgsqlParameter[] Parameters() =>
    [
        Named("viewer_id", SqlParameters.Uuid(_viewer.UserId.Value)),
        Named("viewer_org", SqlParameters.OptionalUuid(_viewer.OrganizationId?.Value)),
        Named("viewer_staff", SqlParameters.Boolean(_viewer is { Role: ViewerRole.Staff, OrganizationId: not null })),
        Named("grant_all", SqlParameters.Boolean(_grantsEverything)),
        Named("grant_orgs", SqlParameters.Uuids(_grantedIn)),
    ];

    // The viewer claims staff where they act, and a membership row confirms it.
    private static string ConfirmedStaff(MembershipSql rules) => $"@viewer_staff AND {rules.Holds("@viewer_id", "@viewer_org", rules.StaffRoles)}";

    private static string Cte(string self, string staffIn) => $"""
        access AS (
            SELECT r.everything OR cardinality(r.organizations) > 0 AS granted,
                   CASE WHEN r.everything THEN NULL ELSE r.organizations END AS grant_orgs
            FROM (SELECT @grant_all OR {self} AS everything,
                         array_remove(@grant_orgs || {staffIn}, NULL) AS organizations) AS r)
        """;

    private static NpgsqlParameter Named(string name, NpgsqlParameter parameter)
    {
        parameter.ParameterName = name;
        return parameter;
    }
}
