using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Each definition's best value for one member, in one round trip with its access decision. "Best" follows the kind
/// (<see cref="MetricKindExtensions.BestDirection"/>) and compares exact base-unit amounts, so 225 lb beats 100 kg; ties go
/// to the value reached first (earliest time, then smallest id). Kinds without a direction are skipped by the caller.
/// </summary>
/// <remarks>
/// Two ordered subqueries per definition, one per direction, of which the definition's kind runs at most one (a one-time
/// filter on <c>d.kind</c>; a kind without a direction runs none): with provenance, that one walks <c>member_metrics_member_def_amount_idx</c> (the base amount is the
/// indexed <c>metric_base_amount</c>, inlined) from the best end and stops at the first visible, plausible row, so the cost
/// does not grow with the depth of the history. Without provenance (the seed exactly) there is no such index: the same
/// statement sorts the member's history of the definition.
/// </remarks>
internal static class PersonalBestQuery
{
    public static string Sql(MetricSetsTables tables, AccessShape shape) => $"""
        WITH {StatementAccess.ForMember(shape, "@p1")}
        SELECT {StatementGrant.Columns}, d.id, d.kind, {tables.ReadingColumns("m")}
        FROM access
        LEFT JOIN {tables.Definitions} AS d ON access.granted AND d.id = ANY(@p2)
        LEFT JOIN LATERAL (
            {Best(tables, "DESC", "d.kind::text = ANY(@p3)")}
            UNION ALL
            {Best(tables, "ASC", "d.kind::text = ANY(@p4)")}) AS m ON true
        """;

    // The member's best value of d in one direction, when d's kind ranks that way.
    private static string Best(MetricSetsTables tables, string direction, string kindRanks) => $"""
        (SELECT {tables.ReadingColumns("mm")}
             FROM {tables.MemberMetrics} AS mm
             WHERE mm.member_id = @p1 AND mm.definition_id = d.id AND {kindRanks}{tables.VisibleRows("mm")} AND {tables.Plausible("mm", "d")}
             ORDER BY {tables.BaseAmount("mm")} {direction}, mm.recorded_at, mm.id
             LIMIT 1)
        """;

    public static async Task<(StatementGrant Grant, List<(MetricDefinitionId DefinitionId, MetricKind Kind, MetricReading? Best)> Bests)> RunAsync(
        DbContext context, StatementAccess access, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => Sql(t, access.Shape), access.Shape.Key),
            access,
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuids(definitionIds.Select(id => id.Value)),
                SqlParameters.HigherIsBetter(),
                SqlParameters.LowerIsBetter(),
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
