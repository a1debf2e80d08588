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
        rules is null
            ? Decided
            : Cte(rules, member, self: $"{member} = @viewer_id", staffIf: "@viewer_staff AND f.staff AND f.member");

    /// <summary>The <c>access</c> CTE of a read of <paramref name="organization"/> as a whole (a SQL expression).</summary>
    public static string ForOrganization(MembershipSql? rules, string organization) =>
        rules is null
            ? Decided
            : Cte(rules, "NULL::uuid", self: "false", staffIf: $"@viewer_org = {organization} AND @viewer_staff AND f.staff");

    /// <summary>
    /// The <c>access</c> CTE of recording a value for <paramref name="member"/> (a SQL expression) in the organization the
    /// actor acts in: the member themself (in an organization only when they hold a role there), or confirmed staff for an
    /// active member.
    /// </summary>
    public static string ForRecording(MembershipSql? rules, string member) =>
        rules is null
            ? Decided
            : Cte(
                rules,
                member,
                self: $"{member} = @viewer_id AND @viewer_org IS NULL",
                staffIf: $"({member} = @viewer_id AND f.any_role) OR ({member} <> @viewer_id AND @viewer_staff AND f.staff AND f.member)");

    /// <summary>
    /// Whether the viewer may see the set <paramref name="set"/> (a table alias) under the default rules, or NULL when C#
    /// decides after reading the set's owner. Uses the viewer's facts the statement's <c>access</c> row carries.
    /// </summary>
    public static string SetVisible(MembershipSql? rules, string set) =>
        rules is null
            ? "NULL::boolean"
            : $"""
              CASE WHEN {set}.member_user_id IS NOT NULL
                       THEN {set}.member_user_id = @viewer_id
                            OR (@viewer_staff AND access.viewer_staff AND {rules.Holds($"{set}.member_user_id", "@viewer_org", rules.MemberRoles)})
                   WHEN {set}.organization_id IS NOT NULL
                       THEN {set}.organization_id = @viewer_org AND access.viewer_role
                   ELSE @viewer_org IS NOT NULL AND {rules.WorkoutOrganization($"{set}.workout_id")} = @viewer_org AND access.viewer_role
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

    // What C# decided, as the one row every read joins first: the grants it made, and no facts of its own.
    private const string Decided = """
        access AS (
            SELECT @grant_all OR cardinality(@grant_orgs) > 0 AS granted,
                   CASE WHEN @grant_all THEN NULL ELSE @grant_orgs END AS grant_orgs,
                   false AS viewer_staff, false AS viewer_role)
        """;

    // The default rules over the viewer's facts in the organization they act in (f: staff, member, any_role — one scan of
    // the memberships, MembershipSql.Facts), ORed with the grants C# made (the host's handlers): everything when the
    // grants or self say so, else the grants' organizations plus the viewer's when staffIf holds there. One level, no
    // array functions: PostgreSQL plans this on every unprepared call, and a nested form cost a fifth more (performance.md).
    private static string Cte(MembershipSql rules, string member, string self, string staffIf)
    {
        var everything = $"@grant_all OR {self}";
        var staff = $"(({staffIf}) AND @viewer_org IS NOT NULL) IS TRUE";
        return $"""
            access AS (
                SELECT {everything} OR cardinality(@grant_orgs) > 0 OR {staff} AS granted,
                       CASE WHEN {everything} THEN NULL WHEN {staff} THEN @grant_orgs || @viewer_org ELSE @grant_orgs END AS grant_orgs,
                       f.staff AS viewer_staff, f.any_role AS viewer_role
                FROM ({rules.Facts("@viewer_id", "@viewer_org", member)}) AS f)
            """;
    }

    private static NpgsqlParameter Named(string name, NpgsqlParameter parameter)
    {
        parameter.ParameterName = name;
        return parameter;
    }
}
