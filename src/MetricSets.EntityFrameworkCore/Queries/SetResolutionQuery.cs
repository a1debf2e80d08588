using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// A metric set, its definitions in order and one member's latest value of each, in one round trip whatever the set's
/// size: the set's entries drive a <c>LEFT JOIN LATERAL … LIMIT 1</c> per definition.
/// </summary>
internal static class SetResolutionQuery
{
    public sealed record Row(
        string SetName,
        MetricOwner Owner,
        MetricDefinitionId? DefinitionId,
        MetricSlug? Slug,
        LocalizedName? Name,
        MetricUnit Unit,
        MetricKind Kind,
        MetricReading? Latest);

    public static string Sql(MetricSetsTables tables) => $"""
        SELECT s.name, s.member_user_id, s.workout_id, s.organization_id,
               d.id, d.slug, d.name_i18n::text, d.unit, d.kind, {tables.ReadingColumns("m")}
        FROM {tables.Sets} AS s
        LEFT JOIN {tables.SetDefinitions} AS e ON e.set_id = s.id
        LEFT JOIN {tables.Definitions} AS d ON d.id = e.definition_id
        LEFT JOIN LATERAL (
            SELECT {tables.ReadingColumns("mm")}
            FROM {tables.MemberMetrics} AS mm
            WHERE mm.member_id = @p2 AND mm.definition_id = d.id{tables.VisibleRows("mm", "@p3")} AND {ReadingColumns.Plausible("mm", "d")}
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        WHERE s.id = @p1
        ORDER BY e.sort_order, d.id
        """;

    public static Task<List<Row>> RunAsync(
        DbContext context, MetricSetId setId, UserId memberId, IReadOnlyList<OrganizationId>? confinedTo, string defaultLanguage, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        return SqlRunner.QueryAsync(
            context,
            tables.Sql(Sql),
            () => [SqlParameters.Uuid(setId.Value), SqlParameters.Uuid(memberId.Value), SqlParameters.ConfinedTo(confinedTo)],
            reader =>
            {
                var owner = reader.IsDBNull(1) ? reader.IsDBNull(2)
                        ? MetricOwner.ForOrganization(new OrganizationId(reader.GetGuid(3)))
                        : MetricOwner.ForWorkout(new WorkoutId(reader.GetGuid(2)))
                    : MetricOwner.ForMember(new UserId(reader.GetGuid(1)));
                if (reader.IsDBNull(4))
                {
                    return new Row(reader.GetString(0), owner, null, null, null, default, default, null);
                }

                var definitionId = new MetricDefinitionId(reader.GetGuid(4));
                return new Row(
                    reader.GetString(0),
                    owner,
                    definitionId,
                    MetricSlug.Parse(reader.GetString(5)),
                    LocalizedNameConverter.Read(reader.GetString(6), defaultLanguage),
                    reader.GetFieldValue<MetricUnit>(7),
                    reader.GetFieldValue<MetricKind>(8),
                    ReadingColumns.Read(reader, 9, memberId, definitionId));
            },
            cancellationToken);
    }
}
