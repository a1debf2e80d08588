using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Everyone's most recent value of one definition among an organization's active members, ranked and keyset-paged, in
/// one round trip with its access decision that also returns the definition's unit and kind (so an unknown definition
/// is a row without one, not a second query). The members — from the mapped memberships, joined in the statement, or
/// else the directory's list as a parameter — drive a <c>JOIN LATERAL … LIMIT 1</c> (one probe of
/// <c>member_metrics_member_def_recorded_idx</c> each); the ranking key (<c>score</c>) is ascending in rank order — the
/// negated epoch for latest-first, else the negated exact base-unit amount when higher is better for the kind, or the
/// amount itself — with the member id breaking ties.
/// </summary>
internal static class LeaderboardQuery
{
    /// <summary>A row: the definition's unit and kind, and a ranked reading (absent when nobody has a value).</summary>
    public sealed record Row(MetricUnit Unit, MetricKind Kind, MetricReading? Reading, decimal Score);

    public static string Sql(MetricSetsTables tables, MembershipSql? rules) => $"""
        WITH {StatementAccess.ForOrganization(rules, "@p10")}
        SELECT {StatementGrant.Columns}, d.unit, d.kind, r.member_id, r.id, r.value, r.unit, r.recorded_at, r.source, r.recorded_in, r.score
        FROM access
        LEFT JOIN {tables.Definitions} AS d ON access.granted AND d.id = @p2
        LEFT JOIN LATERAL (
            SELECT ranked.*
            FROM (
                SELECT u.member_id, m.id, m.value, m.unit, m.recorded_at, m.source, m.recorded_in,
                       CASE WHEN @p3 THEN -extract(epoch FROM m.recorded_at)
                            WHEN d.kind::text = ANY(@p8) THEN -{ReadingColumns.BaseAmount("m")}
                            ELSE {ReadingColumns.BaseAmount("m")} END AS score
                FROM {(rules is null ? "unnest(@p1) AS u(member_id)" : $"({rules.ActiveMembers("@p10")}) AS u")}
                JOIN LATERAL (
                    SELECT {tables.ReadingColumns("mm")} AS recorded_in
                    FROM {tables.MemberMetrics} AS mm
                    WHERE mm.member_id = u.member_id AND mm.definition_id = d.id{tables.VisibleRows("mm")}
                      AND (@p9::text[] IS NULL OR mm.source = ANY(@p9)) AND {ReadingColumns.Plausible("mm", "d")}
                    ORDER BY mm.recorded_at DESC, mm.id DESC
                    LIMIT 1) AS m ON true) AS ranked
            WHERE @p4 OR (ranked.score, ranked.member_id) > (@p5, @p6)
            ORDER BY ranked.score, ranked.member_id
            LIMIT @p7) AS r ON true
        ORDER BY r.score, r.member_id
        """;

    /// <summary>Reads the verdict and the ranked rows; none when the definition does not exist.</summary>
    public static async Task<(StatementGrant Grant, List<Row>? Rows)> RunAsync(
        DbContext context,
        StatementAccess access,
        OrganizationId organizationId,
        IReadOnlyCollection<UserId>? listedMembers,
        MetricDefinitionId definitionId,
        bool latestFirst,
        PageCursor? after,
        int limit,
        string[]? sources,
        CancellationToken cancellationToken)
    {
        const int at = StatementGrant.Count;
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => Sql(t, access.RulesInSql), access.Variant),
            access,
            () =>
            [
                SqlParameters.Uuids((listedMembers ?? []).Select(id => id.Value)),
                SqlParameters.Uuid(definitionId.Value),
                SqlParameters.Boolean(latestFirst),
                SqlParameters.Boolean(after is null),
                SqlParameters.Numeric(after?.Key ?? 0m),
                SqlParameters.Uuid(after?.TieBreaker ?? Guid.Empty),
                SqlParameters.Integer(limit),
                SqlParameters.HigherIsBetter(),
                SqlParameters.Texts(sources),
                SqlParameters.Uuid(organizationId.Value),
            ],
            reader => reader.IsDBNull(at)
                ? null
                : new Row(
                    reader.GetFieldValue<MetricUnit>(at),
                    reader.GetFieldValue<MetricKind>(at + 1),
                    reader.IsDBNull(at + 2) ? null : ReadingColumns.Read(reader, at + 3, new UserId(reader.GetGuid(at + 2)), definitionId),
                    reader.IsDBNull(at + 9) ? 0m : reader.GetDecimal(at + 9)),
            cancellationToken).ConfigureAwait(false);
        return (grant, rows.Count == 0 || rows[0] is null ? null : [.. rows.OfType<Row>()]);
    }
}
