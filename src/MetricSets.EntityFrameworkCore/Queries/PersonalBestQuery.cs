using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Each definition's best value for one member, in one round trip with its access decision. "Best" follows the kind
/// (<see cref="MetricKindExtensions.BestDirection"/>) and compares exact base-unit amounts, so 225 lb beats 100 kg; ties go
/// to the value reached first (earliest time, then smallest id). Kinds without a direction are skipped by the caller.
/// The lateral scan reads the member's history of that definition through <c>member_metrics_member_def_recorded_idx</c>.
/// </summary>
internal static class PersonalBestQuery
{
    public static string Sql(MetricSetsTables tables, MembershipSql? rules) => $"""
        WITH {StatementAccess.ForMember(rules, "@p1")}
        SELECT {StatementGrant.Columns}, d.id, d.kind, {tables.ReadingColumns("m")}
        FROM access
        LEFT JOIN {tables.Definitions} AS d ON access.granted AND d.id = ANY(@p2)
        LEFT JOIN LATERAL (
            SELECT {tables.ReadingColumns("mm")}
            FROM {tables.MemberMetrics} AS mm
            WHERE mm.member_id = @p1 AND mm.definition_id = d.id{tables.VisibleRows("mm")} AND {ReadingColumns.Plausible("mm", "d")}
            ORDER BY CASE WHEN d.kind::text = ANY(@p3) THEN -{ReadingColumns.BaseAmount("mm")} ELSE {ReadingColumns.BaseAmount("mm")} END,
                     mm.recorded_at, mm.id
            LIMIT 1) AS m ON true
        """;

    public static async Task<(StatementGrant Grant, List<(MetricDefinitionId DefinitionId, MetricKind Kind, MetricReading? Best)> Bests)> RunAsync(
        DbContext context, StatementAccess access, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => Sql(t, access.RulesInSql), access.Variant),
            access,
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuids(definitionIds.Select(id => id.Value)),
                SqlParameters.HigherIsBetter(),
            ],
            reader =>
            {
                const int at = StatementGrant.Count;
                if (reader.IsDBNull(at))
                {
                    return ((MetricDefinitionId DefinitionId, MetricKind Kind, MetricReading? Best)?)null;
                }

                var definitionId = new MetricDefinitionId(reader.GetGuid(at));
                return (definitionId, reader.GetFieldValue<MetricKind>(at + 1), ReadingColumns.Read(reader, at + 2, memberId, definitionId));
            },
            cancellationToken).ConfigureAwait(false);
        return (grant, [.. rows.OfType<(MetricDefinitionId, MetricKind, MetricReading?)>()]);
    }
}
