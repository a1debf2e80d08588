using MetricSets.EntityFrameworkCore.Queries;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The access decision of one statement, as the statement's first part: a one-row <c>access (granted, held, grant_orgs)</c>
/// that every read joins first, so the check and the read are one round trip over one snapshot.
/// </summary>
/// <remarks>
/// <para>
/// What was decided before the statement arrives as parameters: the grants of the rules that ran in C# (all rules with a
/// host <see cref="IMembershipDirectory"/>; the host's own <see cref="IMetricAccessHandler"/>s with mapped memberships).
/// With mapped memberships (<see cref="MembershipSql"/>) the default rules are written into the statement itself, as the
/// one lookup C# could not decide (<see cref="AccessCheck"/>): the member themself needs none, a staff viewer one probe
/// of the memberships per fact.
/// </para>
/// <para>
/// <c>grant_orgs</c> is NULL when a grant covers everything (the member themself), else the organizations the grants
/// were made in: a restricted read is confined to them, and only they are disclosed as a reading's recorded-in
/// organization.
/// </para>
/// </remarks>
internal sealed class StatementAccess
{
    /// <summary>The parameter that holds the organization the viewer acts in, as the statement's SQL names it.</summary>
    public const string ViewerOrganization = "@viewer_org";

    private readonly MetricViewer _viewer;
    private readonly bool _grantsEverything;
    private readonly Guid[] _grantedIn;

    private StatementAccess(MetricViewer viewer, MembershipSql? rules, IReadOnlyList<MetricAccessGrant> grants, bool everything, AccessCheck check)
    {
        _viewer = viewer;
        _grantsEverything = everything || grants.Any(grant => grant.Organization is null);
        _grantedIn = [.. grants.Where(grant => grant.Organization is not null).Select(grant => grant.Organization!.Value.Value).Distinct()];
        var checkNeeded = rules is not null && !_grantsEverything && check != AccessCheck.None;
        Shape = new AccessShape(rules, checkNeeded ? check : AccessCheck.None, checkNeeded && _grantedIn.Length > 0);
    }

    /// <summary>Gets what the statement's access part looks like: its text varies with it.</summary>
    public AccessShape Shape { get; }

    /// <summary>
    /// The access of a read of <paramref name="member"/>'s values: the member themself is decided here; a staff viewer
    /// needs both memberships confirmed in the statement.
    /// </summary>
    public static StatementAccess ForMemberRead(MetricViewer viewer, UserId member, MembershipSql? rules, IReadOnlyList<MetricAccessGrant> grants) =>
        new(viewer, rules, grants, everything: rules is not null && viewer.UserId == member, IsStaff(viewer) ? AccessCheck.Staff : AccessCheck.None);

    /// <summary>The access of a read of <paramref name="organization"/> as a whole: its staff, confirmed in the statement.</summary>
    public static StatementAccess ForOrganizationRead(MetricViewer viewer, OrganizationId organization, MembershipSql? rules, IReadOnlyList<MetricAccessGrant> grants) =>
        new(viewer, rules, grants, everything: false, IsStaff(viewer) && viewer.OrganizationId == organization ? AccessCheck.Staff : AccessCheck.None);

    /// <summary>
    /// The access of <paramref name="actor"/> recording for <paramref name="member"/> under the mapped memberships' default
    /// rules: the member themself (in an organization only when they hold a role there), or confirmed staff for an active member.
    /// </summary>
    public static StatementAccess ForRecording(MetricViewer actor, UserId member, MembershipSql rules)
    {
        var self = actor.UserId == member;
        return new(
            actor,
            rules,
            [],
            everything: self && actor.OrganizationId is null,
            self ? AccessCheck.Role : IsStaff(actor) ? AccessCheck.Staff : AccessCheck.None);
    }

    /// <summary>An access C# decided in full, granting everything: nothing for the statement to look up.</summary>
    public static StatementAccess Everything(MetricViewer viewer) =>
        new(viewer, rules: null, [], everything: true, AccessCheck.None);

    /// <summary>
    /// The <c>access</c> CTE of a read of <paramref name="member"/>'s values (a SQL expression); with
    /// <paramref name="viewersRole"/>, its row also carries whether the viewer holds a role in the organization they act
    /// in, which <see cref="SetVisible"/> needs.
    /// </summary>
    public static string ForMember(AccessShape shape, string member, bool viewersRole = false) =>
        Cte(shape, ViewerOrganization, viewersRole && shape.Rules is { } mapped ? ViewersRole(shape, mapped) : null, rules => shape.Check switch
        {
            AccessCheck.Staff => StaffOfMember(rules, member),
            _ => null,
        });

    /// <summary>
    /// The staff check of a read of <paramref name="member"/>'s values as a filter (a SQL predicate), for a statement whose
    /// rows exist only when it holds (<see cref="StatementGrant.Held"/>); only for a shape whose verdict is that check
    /// (<see cref="AccessShape.StaffCheckAlone"/>), since any other needs the <c>access</c> row.
    /// </summary>
    /// <remarks>
    /// Without the row, PostgreSQL plans the two probes as a one-time filter, as a hand-written read does: planning the row as
    /// a relation and joining it was most of what a staff read of latest values cost over that read (docs/performance.md).
    /// The grants of a check that held were made in <see cref="ViewerOrganization"/> alone.
    /// </remarks>
    /// <exception cref="ArgumentException">The shape's verdict is more than its staff check.</exception>
    public static string FilterForMember(AccessShape shape, string member) =>
        shape is { StaffCheckAlone: true, Rules: { } rules }
            ? StaffOfMember(rules, member)
            : throw new ArgumentException("Only a verdict that is the staff check alone can be a filter.", nameof(shape));

    /// <summary>The <c>access</c> CTE of a read of <paramref name="organization"/> as a whole (a SQL expression).</summary>
    public static string ForOrganization(AccessShape shape, string organization) =>
        Cte(shape, organization, viewersRole: null, rules => shape.Check switch
        {
            AccessCheck.Staff => rules.Holds("@viewer_id", organization, rules.StaffRoles),
            _ => null,
        });

    /// <summary>The <c>access</c> CTE of recording a value for <paramref name="member"/> (a SQL expression).</summary>
    public static string ForRecording(AccessShape shape, string member) =>
        Cte(shape, ViewerOrganization, viewersRole: null, rules => shape.Check switch
        {
            AccessCheck.Staff => StaffOfMember(rules, member),
            AccessCheck.Role => rules.Holds("@viewer_id", ViewerOrganization, rules.AnyRole),
            _ => null,
        });

    /// <summary>
    /// Whether the viewer may see the set <paramref name="set"/> (a table alias) under the default rules, or NULL when C#
    /// decides after reading the set's owner. Uses the viewer's role the statement's <c>access</c> row carries
    /// (<see cref="ForMember"/> with the viewer's role), or, when the verdict is the staff check alone (with or without the
    /// row, <see cref="FilterForMember"/>), what that check confirmed.
    /// </summary>
    /// <remarks>
    /// A set of <paramref name="member"/> (the member the set is resolved for) is decided by the staff check, when there is
    /// one and it held; a set of any other member is left to C#, which asks the directory. Looking that member up here
    /// would be a subquery PostgreSQL plans on every unprepared call, whatever the set's owner, for a case that is rare.
    /// </remarks>
    public static string SetVisible(AccessShape shape, string set, string member)
    {
        if (shape.Rules is not { } rules)
        {
            return "NULL::boolean";
        }

        // A row exists only where a staff check alone held (a filtered statement's, or the access row's granted one), and
        // that check confirmed the viewer's role too.
        var (held, viewerRole) = shape.StaffCheckAlone ? ("true", "true") : ("access.held", "access.viewer_role");
        return $"""
            CASE WHEN {set}.member_user_id IS NOT NULL
                     THEN CASE WHEN {set}.member_user_id = @viewer_id THEN true
                               WHEN NOT @viewer_staff THEN false
                               WHEN {set}.member_user_id = {member} AND {held} THEN true
                          END
                 WHEN {set}.organization_id IS NOT NULL
                     THEN {set}.organization_id = @viewer_org AND {viewerRole}
                 ELSE @viewer_org IS NOT NULL AND {rules.WorkoutOrganization($"{set}.workout_id")} = @viewer_org AND {viewerRole}
            END
            """;
    }

    /// <summary>
    /// The statement's verdict from its two columns (<see cref="StatementGrant.Columns"/>): whether it
    /// <paramref name="granted"/>, and the organizations it granted in, which C# knows from the grants it sent and whether
    /// the statement's check <paramref name="held"/>.
    /// </summary>
    public StatementGrant Verdict(bool granted, bool held)
    {
        if (Shape.Check == AccessCheck.None || !held)
        {
            return new(granted, _grantsEverything ? null : _grantedIn);
        }

        // A check is only made in the organization the viewer acts in (and reads, for an organization); listed twice when a
        // host's grant named it too, which changes nothing. A staff check that held confirmed the viewer's staff role there.
        var organization = _viewer.OrganizationId!.Value;
        return new(granted, [.. _grantedIn, organization.Value], Shape.Check == AccessCheck.Staff && granted ? organization : null);
    }

    /// <summary>The statement's access parameters, appended after its own positional ones.</summary>
    public NpgsqlParameter[] Parameters() =>
    [
        Named("viewer_id", SqlParameters.Uuid(_viewer.UserId.Value)),
        Named("viewer_org", SqlParameters.OptionalUuid(_viewer.OrganizationId?.Value)),
        Named("viewer_staff", SqlParameters.Boolean(IsStaff(_viewer))),
        Named("grant_all", SqlParameters.Boolean(_grantsEverything)),
        Named("grant_orgs", SqlParameters.Uuids(_grantedIn)),
    ];

    // What C# decided: the grants it made, as the one row every read joins first.
    private const string Granted = "@grant_all OR cardinality(@grant_orgs) > 0 AS granted, CASE WHEN @grant_all THEN NULL ELSE @grant_orgs END AS grant_orgs";

    // The staff check for a member's values: the viewer holds a staff role, and the member a member role, in the
    // organization the viewer acts in.
    private static string StaffOfMember(MembershipSql rules, string member) =>
        $"{rules.Holds("@viewer_id", ViewerOrganization, rules.StaffRoles)} AND {rules.Holds(member, ViewerOrganization, rules.MemberRoles)}";

    // The viewer acts as staff when they claim the role in an organization; the statement confirms it.
    private static bool IsStaff(MetricViewer viewer) => viewer is { Role: ViewerRole.Staff, OrganizationId: not null };

    // The viewer's role for SetVisible: whether they hold one in the organization they act in. Without host grants, a staff
    // check that held confirmed it, and one that did not refused the read; a row without a check looks it up, behind a
    // parameter that folds the lookup away for a viewer acting nowhere.
    private static string ViewersRole(AccessShape shape, MembershipSql rules) =>
        shape.StaffCheckAlone
            ? "true AS viewer_role"
            : $"@viewer_org IS NOT NULL AND {rules.Holds("@viewer_id", ViewerOrganization, rules.AnyRole)} AS viewer_role";

    // The access row: what C# decided, or the shape's check (one EXISTS per fact) made in the organization acted in and
    // added to the host handlers' grants; held says whether the check held. A row with a subquery is MATERIALIZED so
    // PostgreSQL plans each probe once, not once per place the row's columns are used; a row without one is inlined, so
    // PostgreSQL folds its parameters into the read (and drops the roles no one asked for).
    private static string Cte(
        AccessShape shape, string organization, string? viewersRole, Func<MembershipSql, string?> check)
    {
        const string NoViewersRole = "false AS viewer_role";
        if (shape.Rules is not { } rules)
        {
            return $"access AS (SELECT {Granted}, false AS held, {NoViewersRole})";
        }

        var facts = viewersRole ?? NoViewersRole;
        if (check(rules) is not { } holds)
        {
            // Without a check, the viewer's role, when asked for, is the row's one lookup.
            return viewersRole is not null
                ? $"access AS MATERIALIZED (SELECT {Granted}, false AS held, {facts})"
                : $"access AS (SELECT {Granted}, false AS held, {facts})";
        }

        return shape.HostGrants
            ? $"""
              access AS MATERIALIZED (
                  SELECT true AS granted, c.holds AS held, CASE WHEN c.holds THEN @grant_orgs || {organization} ELSE @grant_orgs END AS grant_orgs, {facts}
                  FROM (SELECT {holds} AS holds OFFSET 0) AS c)
              """
            : $"access AS MATERIALIZED (SELECT {holds} AS granted, true AS held, ARRAY[{organization}] AS grant_orgs, {facts})";
    }

    private static NpgsqlParameter Named(string name, NpgsqlParameter parameter)
    {
        parameter.ParameterName = name;
        return parameter;
    }
}
