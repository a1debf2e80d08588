using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Each definition's best value for one member, in one round trip. "Best" follows the kind
/// (<see cref="MetricKindExtensions.BestDirection"/>) and compares exact base-unit amounts, so 225 lb beats 100 kg; ties go
/// to the value reached first (earliest time, then smallest id). Kinds without a direction are skipped by the caller.
/// The lateral scan reads the member's history of that definition through <c>member_metrics_member_def_recorded_idx</c>.
/// </summary>
internal static class PersonalBestQuery
{
    public static string Sql(MetricSetsTables tables) => $"""
        SELECT d.id, d.kind, {tables.ReadingColumns("m")}
        FROM {tables.Definitions} AS d
        LEFT JOIN LATERAL (
            SELECT {tables.ReadingColumns("mm")}
            FROM {tables.MemberMetrics} AS mm
            WHERE mm.member_id = @p1 AND mm.definition_id = d.id{tables.VisibleRows("mm", "@p4")} AND {ReadingColumns.Plausible("mm", "d")}
            ORDER BY CASE WHEN d.kind::text = ANY(@p3) THEN -{ReadingColumns.BaseAmount("mm")} ELSE {ReadingColumns.BaseAmount("mm")} END,
                     mm.recorded_at, mm.id
            LIMIT 1) AS m ON true
        WHERE d.id = ANY(@p2)
        """;

    public static async Task<List<(MetricDefinitionId DefinitionId, MetricKind Kind, MetricReading? Best)>> RunAsync(
        DbContext context, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, IReadOnlyList<OrganizationId>? confinedTo, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        return await SqlRunner.QueryAsync(
            context,
            tables.Sql(Sql),
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuids(definitionIds.Select(id => id.Value)),
                SqlParameters.HigherIsBetter(),
                SqlParameters.ConfinedTo(confinedTo),
            ],
            reader =>
            {
                var definitionId = new MetricDefinitionId(reader.GetGuid(0));
                return (definitionId, reader.GetFieldValue<MetricKind>(1), ReadingColumns.Read(reader, 2, memberId, definitionId));
            },
            cancellationToken).ConfigureAwait(false);
    }
}
