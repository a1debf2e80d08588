using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// One member's values of one definition within an interval, oldest first, keyset-paged on (recorded_at, id): a range
/// scan of <c>member_metrics_member_def_recorded_idx</c> (read backwards) that starts at the cursor, so page 100 costs
/// what page 1 does. Driven by the definition's row, so an unknown definition is no row at all (not a second query),
/// and a definition without values in the range is one row of NULLs.
/// </summary>
internal static class HistoryQuery
{
    public static string Sql(MetricSetsTables tables) => $"""
        SELECT {tables.ReadingColumns("m")}
        FROM {tables.Definitions} AS d
        LEFT JOIN LATERAL (
            SELECT {tables.ReadingColumns("mm")}
            FROM {tables.MemberMetrics} AS mm
            WHERE mm.member_id = @p1 AND mm.definition_id = d.id
              AND mm.recorded_at >= @p3 AND mm.recorded_at < @p4
              AND mm.recorded_at >= @p5 AND (mm.recorded_at > @p5 OR mm.id > @p6){tables.VisibleRows("mm", "@p8")}
              AND {ReadingColumns.Plausible("mm", "d")}
            ORDER BY mm.recorded_at, mm.id
            LIMIT @p7) AS m ON true
        WHERE d.id = @p2
        ORDER BY m.recorded_at, m.id
        """;

    /// <summary>Reads the page; <see langword="null"/> when the definition does not exist.</summary>
    public static async Task<List<MetricReading>?> RunAsync(
        DbContext context, UserId memberId, MetricDefinitionId definitionId, Interval interval, Instant afterTime, Guid afterId, int limit, IReadOnlyList<OrganizationId>? confinedTo, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var rows = await SqlRunner.QueryAsync(
            context,
            tables.Sql(Sql),
            () =>
            [
                SqlParameters.Uuid(memberId.Value),
                SqlParameters.Uuid(definitionId.Value),
                SqlParameters.Timestamp(interval.HasStart ? interval.Start : Earliest),
                SqlParameters.Timestamp(interval.HasEnd ? interval.End : Latest),
                SqlParameters.Timestamp(afterTime),
                SqlParameters.Uuid(afterId),
                SqlParameters.Integer(limit),
                SqlParameters.ConfinedTo(confinedTo),
            ],
            reader => ReadingColumns.Read(reader, 0, memberId, definitionId),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : [.. rows.OfType<MetricReading>()];
    }

    /// <summary>Bounds within timestamptz's range that stand in for an open interval end.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>Bounds within timestamptz's range that stand in for an open interval end.</summary>
    public static readonly Instant Latest = Instant.FromUtc(9999, 12, 31, 0, 0);
}
