using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// The last <c>n</c> values of one member for many definitions, in one round trip with its access decision: the
/// definitions drive a <c>LEFT JOIN LATERAL … ORDER BY recorded_at DESC, id DESC LIMIT n</c>, one probe of
/// <c>member_metrics_member_def_recorded_idx</c> per definition, so the cost does not grow with history depth.
/// Definitions that do not exist are missing from the result, which is how callers detect them in the same trip.
/// </summary>
/// <remarks>
/// A staff read under mapped memberships is sent first in its filtered form (<see cref="FilteredSql"/>), which returns a
/// row for each requested definition that exists when the staff check holds, and none otherwise; only then does the
/// verdict's form (<see cref="Sql"/>) tell a refusal from definitions none of which exist (<see cref="GuardedRead"/>).
/// </remarks>
internal static class LastValuesQuery
{
    public static string Sql(MetricSetsTables tables, AccessShape shape) => $"""
        WITH {StatementAccess.ForMember(shape, "@p1")}
        SELECT {StatementGrant.Columns}, d.id, {tables.ReadingColumns("m")}
        FROM access
        LEFT JOIN {tables.Definitions} AS d ON access.granted AND d.id = ANY(@p2)
        {tables.NewestValues("@p1", "@p3")}
        """;

    /// <summary>The read with the shape's staff check as its filter (<see cref="StatementAccess.FilterForMember"/>).</summary>
    public static string FilteredSql(MetricSetsTables tables, AccessShape shape) => $"""
        SELECT {StatementGrant.Held}, d.id, {tables.ReadingColumns("m")}
        FROM {tables.Definitions} AS d
        {tables.NewestValues("@p1", "@p3", StatementAccess.ViewerOrganization)}
        WHERE d.id = ANY(@p2) AND {StatementAccess.FilterForMember(shape, "@p1")}
        """;

    public static async Task<(StatementGrant Grant, Dictionary<MetricDefinitionId, List<MetricReading>> Values)> RunAsync(
        DbContext context, StatementAccess access, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => Sql(t, access.Shape), access.Shape.Key),
            access.Shape.StaffCheckAlone && definitionIds.Count > 0 ? tables.Sql(t => FilteredSql(t, access.Shape), access.Shape.Key) : null,
            access,
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuids(definitionIds.Select(id => id.Value)),
                SqlParameters.Integer(count),
            ],
            reader =>
            {
                const int at = StatementGrant.Count;
                if (reader.IsDBNull(at))
                {
                    return (DefinitionId: (MetricDefinitionId?)null, Reading: (MetricReading?)null);
                }

                var definitionId = new MetricDefinitionId(reader.GetGuid(at));
                return (definitionId, ReadingColumns.Read(reader, at + 1, memberId, definitionId));
            },
            cancellationToken).ConfigureAwait(false);

        var result = new Dictionary<MetricDefinitionId, List<MetricReading>>();
        foreach (var (definitionId, reading) in rows)
        {
            if (definitionId is not { } id)
            {
                continue;
            }

            var readings = result.TryGetValue(id, out var list) ? list : result[id] = [];
            if (reading is not null)
            {
                readings.Add(reading);
            }
        }

        foreach (var readings in result.Values)
        {
            readings.Sort(ReadingOrder.NewestFirst);
        }

        return (grant, result);
    }

}
