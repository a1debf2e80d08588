using System.Runtime.CompilerServices;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The host's memberships (<see cref="MetricSetsOptions.Memberships"/>) as SQL over one model: the questions of
/// <see cref="IMembershipDirectory"/> written as conditions a statement embeds, with quoted, schema-qualified names.
/// </summary>
/// <remarks>
/// Role values are written into the text as literals (they are the host's configuration, like the table's name), so the
/// planner sees constants; each condition is an <c>EXISTS</c> that the memberships' (user, organization) index answers.
/// </remarks>
internal sealed class MembershipSql
{
    private static readonly ConditionalWeakTable<IModel, ConditionalWeakTable<MetricSetsMembershipTable, MembershipSql>> Cache = [];

    private readonly string _table;
    private readonly string _user;
    private readonly string _organization;
    private readonly string _role;
    private readonly string _active;
    private readonly string _workoutOrganization;
    private readonly string _distinct;

    private MembershipSql(IModel model, MetricSetsMembershipTable mapping)
    {
        var tables = MetricSetsTables.Of(model);
        _table = MembershipTable(model, mapping);
        (_user, _organization, _role) = (SqlText.Quote(mapping.UserColumn), SqlText.Quote(mapping.OrganizationColumn), SqlText.Quote(mapping.RoleColumn));
        (StaffRoles, MemberRoles) = (SqlText.Literals(mapping.StaffRoles), SqlText.Literals(mapping.MemberRoles));
        _active = mapping.ActivePredicate is { } predicate ? $" AND ({predicate})" : string.Empty;
        _workoutOrganization = mapping.WorkoutOrganizationColumn is { } column
            ? $"(SELECT w.{SqlText.Quote(column)} FROM {tables.Workouts.Name} AS w WHERE w.{tables.Workouts.Key} = {{0}})"
            : "NULL::uuid";
        _distinct = HasOneMemberRowPerUser(model, mapping) ? string.Empty : "DISTINCT ";
        Key = string.Join('|', _table, _user, _organization, _role, StaffRoles, MemberRoles, _active, _workoutOrganization, _distinct);
    }

    /// <summary>Gets a text that tells two mappings apart, for caching the statements written with them.</summary>
    public string Key { get; }

    /// <summary>Gets the staff roles as a SQL list of literals.</summary>
    public string StaffRoles { get; }

    /// <summary>Gets the member roles as a SQL list of literals.</summary>
    public string MemberRoles { get; }

    /// <summary>Gets every role that counts, staff and member, as a SQL list of literals.</summary>
    public string AnyRole => $"{StaffRoles}, {MemberRoles}";

    /// <summary>Returns the SQL of <paramref name="mapping"/> over <paramref name="model"/>, built once per model.</summary>
    public static MembershipSql Of(IModel model, MetricSetsMembershipTable mapping) =>
        Cache.GetValue(model, _ => []).GetValue(mapping, m => new MembershipSql(model, m));

    /// <summary>Returns the memberships table's quoted, qualified name as the mapping and model say, or throws naming what is wrong.</summary>
    public static string MembershipTable(IModel model, MetricSetsMembershipTable mapping)
    {
        if (mapping.EntityType is { } type)
        {
            var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException(
                $"MetricSetsOptions.Memberships.UseEntity<{type.Name}>(): the context's model does not map {type.Name}.");
            return SqlText.Qualified(entityType.GetSchema(), entityType.GetTableName()!);
        }

        return SqlText.Qualified(mapping.Schema ?? model.GetDefaultSchema(), mapping.TableName!);
    }

    /// <summary>A condition: <paramref name="user"/> holds one of <paramref name="roles"/> in <paramref name="organization"/> (SQL expressions).</summary>
    public string Holds(string user, string organization, string roles) =>
        $"EXISTS (SELECT 1 FROM {_table} AS ms WHERE ms.{_user} = {user} AND ms.{_organization} = {organization} AND ms.{_role}::text IN ({roles}){_active})";

    /// <summary>
    /// A query of one column, <c>member_id</c>: the active members of <paramref name="organization"/>, each once. It says
    /// <c>DISTINCT</c> unless the model promises one member row per user and organization, because the duplicate
    /// elimination reads the memberships in user order, the whole primary key instead of the organization's entries.
    /// </summary>
    public string ActiveMembers(string organization) =>
        $"SELECT {_distinct}ms.{_user} AS member_id FROM {_table} AS ms WHERE ms.{_organization} = {organization} AND ms.{_role}::text IN ({MemberRoles}){_active}";

    /// <summary>
    /// A scalar: how many active membership rows <paramref name="organization"/> has, counted up to
    /// <paramref name="limit"/> (SQL expressions), so that telling a large organization from a small one costs at most that
    /// many index entries. A user holding two member roles counts twice; it is a measure of size, not a head count.
    /// </summary>
    public string CountActiveMembers(string organization, string limit) =>
        $"(SELECT count(*) FROM (SELECT 1 FROM {_table} AS ms WHERE ms.{_organization} = {organization} AND ms.{_role}::text IN ({MemberRoles}){_active} LIMIT {limit}) AS counted)";

    /// <summary>A scalar: the organization of the workout <paramref name="workout"/> (a SQL expression), NULL when unknown.</summary>
    public string WorkoutOrganization(string workout) => string.Format(System.Globalization.CultureInfo.InvariantCulture, _workoutOrganization, workout);

    // Whether the entity's model promises at most one member row per user and organization: a key or unfiltered unique
    // index within the user and organization columns, or the role column too when only one role makes a member.
    private static bool HasOneMemberRowPerUser(IModel model, MetricSetsMembershipTable mapping)
    {
        if (mapping.EntityType is not { } type || model.FindEntityType(type) is not { } entity || entity.GetTableName() is not { } name)
        {
            return false;
        }

        var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
        HashSet<string> columns = mapping.MemberRoles.Count == 1
            ? [mapping.UserColumn, mapping.OrganizationColumn, mapping.RoleColumn]
            : [mapping.UserColumn, mapping.OrganizationColumn];
        return entity.GetKeys().Select(key => key.Properties)
            .Concat(entity.GetIndexes().Where(index => index.IsUnique && index.GetFilter() is null).Select(index => index.Properties))
            .Any(unique => unique.All(property => property.GetColumnName(table) is { } column && columns.Contains(column)));
    }
}
