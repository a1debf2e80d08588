using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// One member's values of one definition within an interval, oldest first, keyset-paged on (recorded_at, id), in one
/// round trip with its access decision: a range scan of <c>member_metrics_member_def_recorded_idx</c> (read backwards)
/// that starts at the cursor, so page 100 costs what page 1 does. Driven by the definition's row, so an unknown
/// definition is a row without one (not a second query), and a definition without values in the range is one row of NULLs.
/// </summary>
internal static class HistoryQuery
{
    public static string Sql(MetricSetsTables tables, AccessShape shape) => $"""
        WITH {StatementAccess.ForMember(shape, "@p1")}
        SELECT {StatementGrant.Columns}, d.id, {tables.ReadingColumns("m")}
        FROM access
        LEFT JOIN {tables.Definitions} AS d ON access.granted AND d.id = @p2
        LEFT JOIN LATERAL (
            SELECT {tables.ReadingColumns("mm")}
            FROM {tables.MemberMetrics} AS mm
            WHERE mm.member_id = @p1 AND mm.definition_id = d.id
              AND mm.recorded_at >= @p3 AND mm.recorded_at < @p4
              AND mm.recorded_at >= @p5 AND (mm.recorded_at > @p5 OR mm.id > @p6){tables.VisibleRows("mm")}
              AND {tables.Plausible("mm", "d")}
            ORDER BY mm.recorded_at, mm.id
            LIMIT @p7) AS m ON true
        """;

    /// <summary>Reads the verdict and the page; the page is <see langword="null"/> when the definition does not exist.</summary>
    public static async Task<(StatementGrant Grant, List<MetricReading>? Page)> RunAsync(
        DbContext context,
        StatementAccess access,
        UserId memberId,
        MetricDefinitionId definitionId,
        Interval interval,
        Instant afterTime,
        Guid afterId,
        int limit,
        CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => Sql(t, access.Shape), access.Shape.Key),
            access,
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuid(definitionId.Value),
                SqlParameters.Timestamp(interval.HasStart ? interval.Start : Earliest),
                SqlParameters.Timestamp(interval.HasEnd ? interval.End : Latest),
                SqlParameters.Timestamp(afterTime),
                SqlParameters.Uuid(afterId),
                SqlParameters.Integer(limit),
            ],
            reader => (Defined: !reader.IsDBNull(StatementGrant.Count), Reading: ReadingColumns.Read(reader, StatementGrant.Count + 1, memberId, definitionId)),
            cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 || !rows[0].Defined)
        {
            return (grant, null);
        }

        var page = rows.Select(row => row.Reading).OfType<MetricReading>().ToList();
        page.Sort(ReadingOrder.OldestFirst);
        return (grant, page);
    }

    /// <summary>Bounds within timestamptz's range that stand in for an open interval end.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>Bounds within timestamptz's range that stand in for an open interval end.</summary>
    public static readonly Instant Latest = Instant.FromUtc(9999, 12, 31, 0, 0);
}
