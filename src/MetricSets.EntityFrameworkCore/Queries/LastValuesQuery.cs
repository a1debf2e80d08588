using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// The last <c>n</c> values of one member for many definitions, in one round trip: the definitions drive a
/// <c>LEFT JOIN LATERAL … ORDER BY recorded_at DESC, id DESC LIMIT n</c>, one probe of
/// <c>member_metrics_member_def_recorded_idx</c> per definition, so the cost does not grow with history depth.
/// Definitions that do not exist are missing from the result, which is how callers detect them in the same trip.
/// </summary>
internal static class LastValuesQuery
{
    public static string Sql(MetricSetsTables tables) => $"""
        SELECT d.id, {tables.ReadingColumns("m")}
        FROM {tables.Definitions} AS d
        LEFT JOIN LATERAL (
            SELECT {tables.ReadingColumns("mm")}
            FROM {tables.MemberMetrics} AS mm
            WHERE mm.member_id = @p1 AND mm.definition_id = d.id{tables.VisibleRows("mm", "@p4")} AND {ReadingColumns.Plausible("mm", "d")}
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT @p3) AS m ON true
        WHERE d.id = ANY(@p2)
        ORDER BY d.id, m.recorded_at DESC, m.id DESC
        """;

    public static async Task<Dictionary<MetricDefinitionId, List<MetricReading>>> RunAsync(
        DbContext context, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, IReadOnlyList<OrganizationId>? confinedTo, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var rows = await SqlRunner.QueryAsync(
            context,
            tables.Sql(Sql),
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuids(definitionIds.Select(id => id.Value)),
                SqlParameters.Integer(count),
                SqlParameters.ConfinedTo(confinedTo),
            ],
            reader =>
            {
                var definitionId = new MetricDefinitionId(reader.GetGuid(0));
                return (definitionId, Reading: ReadingColumns.Read(reader, 1, memberId, definitionId));
            },
            cancellationToken).ConfigureAwait(false);

        var result = new Dictionary<MetricDefinitionId, List<MetricReading>>();
        foreach (var (definitionId, reading) in rows)
        {
            var readings = result.TryGetValue(definitionId, out var list) ? list : result[definitionId] = [];
            if (reading is not null)
            {
                readings.Add(reading);
            }
        }

        return result;
    }
}
