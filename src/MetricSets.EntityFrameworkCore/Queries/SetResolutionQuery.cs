using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// A metric set, its definitions in order and one member's latest value of each, in one round trip with its access
/// decision whatever the set's size: the set's entries drive a <c>LEFT JOIN LATERAL … LIMIT 1</c> per definition. With
/// mapped memberships the set's visibility under the default rules comes back too, as a column of the select list (a
/// LATERAL of its own cost more to plan than evaluating the <c>CASE</c> on each of a set's rows), except for a set of
/// another member than the one resolved, which C# decides (<see cref="StatementAccess.SetVisible"/>).
/// </summary>
/// <remarks>
/// A staff resolution under mapped memberships is sent first in its filtered form (<see cref="FilteredSql"/>), which returns
/// the set's rows only when the staff check holds and the set may be seen (or C# decides); only then does the verdict's
/// form (<see cref="Sql"/>) tell a refusal from a set that does not exist or may not be seen.
/// </remarks>
internal static class SetResolutionQuery
{
    /// <summary>The set (absent when it does not exist) and its rows.</summary>
    public sealed record Result(StatementGrant Grant, bool? VisibleByDefaultRules, string SetName, MetricOwner Owner, List<Row> Rows);

    public sealed record Row(MetricDefinitionId DefinitionId, MetricSlug Slug, LocalizedName Name, MetricUnit Unit, MetricKind Kind, MetricReading? Latest);

    public static string Sql(MetricSetsTables tables, AccessShape shape) => $"""
        WITH {StatementAccess.ForMember(shape, "@p2", viewersRole: true)}
        SELECT {StatementGrant.Columns}, {StatementAccess.SetVisible(shape, "s", "@p2")} AS visible, {Columns(tables)}
        FROM access
        LEFT JOIN {tables.Sets} AS s ON access.granted AND s.id = @p1
        {Entries(tables, grantedIn: null)}
        """;

    /// <summary>
    /// The read with the shape's staff check as its filter (<see cref="StatementAccess.FilterForMember"/>), and the set's
    /// visibility too: a set the viewer may not see returns no row, as one that does not exist, and costs the same two
    /// statements (<see cref="GuardedRead"/>).
    /// </summary>
    public static string FilteredSql(MetricSetsTables tables, AccessShape shape)
    {
        var visible = StatementAccess.SetVisible(shape, "s", "@p2");
        return $"""
            SELECT {StatementGrant.Held}, {visible} AS visible, {Columns(tables)}
            FROM {tables.Sets} AS s
            {Entries(tables, StatementAccess.ViewerOrganization)}
            WHERE s.id = @p1 AND {StatementAccess.FilterForMember(shape, "@p2")} AND ({visible}) IS NOT false
            """;
    }

    /// <summary>Reads the verdict and the set; the set is <see langword="null"/> when it does not exist.</summary>
    public static async Task<(StatementGrant Grant, Result? Set)> RunAsync(
        DbContext context, StatementAccess access, MetricSetId setId, UserId memberId, string defaultLanguage, CancellationToken cancellationToken)
    {
        const int at = StatementGrant.Count;
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => Sql(t, access.Shape), access.Shape.Key),
            access.Shape.StaffCheckAlone ? tables.Sql(t => FilteredSql(t, access.Shape), access.Shape.Key) : null,
            access,
            () => [SqlParameters.Uuid(setId.Value), SqlParameters.Uuid(memberId.Value)],
            (SetColumns? Set, Row? Entry, int Order) (reader) =>
            {
                if (reader.IsDBNull(at + 1))
                {
                    return (null, null, 0);
                }

                var set = new SetColumns(
                    reader.GetString(at + 1),
                    reader.IsDBNull(at + 2) ? null : reader.GetGuid(at + 2),
                    reader.IsDBNull(at + 3) ? null : reader.GetGuid(at + 3),
                    reader.IsDBNull(at + 4) ? null : reader.GetGuid(at + 4),
                    reader.IsDBNull(at) ? null : reader.GetBoolean(at));
                if (reader.IsDBNull(at + 5))
                {
                    return (set, null, 0);
                }

                var definitionId = new MetricDefinitionId(reader.GetGuid(at + 5));
                var entry = new Row(
                    definitionId,
                    MetricSlug.Parse(reader.GetString(at + 6)),
                    LocalizedNameConverter.Read(reader.GetString(at + 7), defaultLanguage),
                    reader.GetFieldValue<MetricUnit>(at + 8),
                    reader.GetFieldValue<MetricKind>(at + 9),
                    ReadingColumns.Read(reader, at + 10, memberId, definitionId));
                return (set, entry, reader.GetInt32(at + 10 + ReadingColumns.Count));
            },
            cancellationToken).ConfigureAwait(false);

        if (rows.Count == 0 || rows[0].Set is not { } first)
        {
            return (grant, null);
        }

        // The set's order, kept in C#: an outer ORDER BY cost more to plan than the read (docs/performance.md). Guid.CompareTo
        // orders as PostgreSQL orders uuid, for entries of equal sort order.
        var entries = rows.FindAll(row => row.Entry is not null);
        entries.Sort(static (x, y) => x.Order.CompareTo(y.Order) is var byOrder and not 0 ? byOrder : x.Entry!.DefinitionId.CompareTo(y.Entry!.DefinitionId));
        return (grant, new Result(grant, first.Visible, first.Name, first.Owner, entries.ConvertAll(row => row.Entry!)));
    }

    // The set's columns, then each entry's definition and latest value.
    private static string Columns(MetricSetsTables tables) => $"""
        s.name, s.member_user_id, s.workout_id, s.organization_id,
               d.id, d.slug, d.name_i18n::text, d.unit, d.kind, {tables.ReadingColumns("m")}, e.sort_order
        """;

    // The set s's entries in any order, each with its definition and the member's latest value of it that the grants
    // disclose (the access row's, or those made in grantedIn).
    private static string Entries(MetricSetsTables tables, string? grantedIn) => $"""
        LEFT JOIN {tables.SetDefinitions} AS e ON e.set_id = s.id
        LEFT JOIN {tables.Definitions} AS d ON d.id = e.definition_id
        {tables.NewestValues("@p2", "1", grantedIn)}
        """;

    // The set's own columns, repeated on each of its rows.
    private sealed record SetColumns(string Name, Guid? Member, Guid? Workout, Guid? Organization, bool? Visible)
    {
        public MetricOwner Owner =>
            Member is { } member ? MetricOwner.ForMember(new UserId(member))
            : Workout is { } workout ? MetricOwner.ForWorkout(new WorkoutId(workout))
            : MetricOwner.ForOrganization(new OrganizationId(Organization!.Value));
    }
}
