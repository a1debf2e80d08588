using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Everyone's most recent value of one definition among a list of members, ranked and keyset-paged, in one round trip
/// that also returns the definition's unit and kind (so an unknown definition is an empty result, not a second query).
/// The members drive a <c>JOIN LATERAL … LIMIT 1</c> (one probe of <c>member_metrics_member_def_recorded_idx</c> each);
/// the ranking key (<c>score</c>) is ascending in rank order — the negated epoch for latest-first, else the negated exact
/// base-unit amount when higher is better for the kind, or the amount itself — with the member id breaking ties.
/// </summary>
internal static class LeaderboardQuery
{
    /// <summary>A row: the definition's unit and kind, and a ranked reading (absent when nobody has a value).</summary>
    public sealed record Row(MetricUnit Unit, MetricKind Kind, MetricReading? Reading, decimal Score);

    public static string Sql(MetricSetsTables tables) => $"""
        SELECT d.unit, d.kind, r.member_id, r.id, r.value, r.unit, r.recorded_at, r.source, r.recorded_in, r.score
        FROM {tables.Definitions} AS d
        LEFT JOIN LATERAL (
            SELECT ranked.*
            FROM (
                SELECT u.member_id, m.id, m.value, m.unit, m.recorded_at, m.source, m.recorded_in,
                       CASE WHEN @p3 THEN -extract(epoch FROM m.recorded_at)
                            WHEN d.kind::text = ANY(@p8) THEN -{ReadingColumns.BaseAmount("m")}
                            ELSE {ReadingColumns.BaseAmount("m")} END AS score
                FROM unnest(@p1) AS u(member_id)
                JOIN LATERAL (
                    SELECT {tables.ReadingColumns("mm")} AS recorded_in
                    FROM {tables.MemberMetrics} AS mm
                    WHERE mm.member_id = u.member_id AND mm.definition_id = d.id{tables.VisibleRows("mm", "@p9")}
                      AND (@p10::text[] IS NULL OR mm.source = ANY(@p10)) AND {ReadingColumns.Plausible("mm", "d")}
                    ORDER BY mm.recorded_at DESC, mm.id DESC
                    LIMIT 1) AS m ON true) AS ranked
            WHERE @p4 OR (ranked.score, ranked.member_id) > (@p5, @p6)
            ORDER BY ranked.score, ranked.member_id
            LIMIT @p7) AS r ON true
        WHERE d.id = @p2
        ORDER BY r.score, r.member_id
        """;

    public static Task<List<Row>> RunAsync(
        DbContext context,
        IReadOnlyCollection<UserId> memberIds,
        MetricDefinitionId definitionId,
        bool latestFirst,
        PageCursor? after,
        int limit,
        IReadOnlyList<OrganizationId>? confinedTo,
        string[]? sources,
        CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        return SqlRunner.QueryAsync(
            context,
            tables.Sql(Sql),
            () =>
            [
                SqlParameters.Uuids(memberIds.Select(id => id.Value)),
                SqlParameters.Uuid(definitionId.Value),
                SqlParameters.Boolean(latestFirst),
                SqlParameters.Boolean(after is null),
                SqlParameters.Numeric(after?.Key ?? 0m),
                SqlParameters.Uuid(after?.TieBreaker ?? Guid.Empty),
                SqlParameters.Integer(limit),
                SqlParameters.HigherIsBetter(),
                SqlParameters.ConfinedTo(confinedTo),
                SqlParameters.Texts(sources),
            ],
            reader => new Row(
                reader.GetFieldValue<MetricUnit>(0),
                reader.GetFieldValue<MetricKind>(1),
                reader.IsDBNull(2) ? null : ReadingColumns.Read(reader, 3, new UserId(reader.GetGuid(2)), definitionId),
                reader.IsDBNull(9) ? 0m : reader.GetDecimal(9)),
            cancellationToken);
    }
}
