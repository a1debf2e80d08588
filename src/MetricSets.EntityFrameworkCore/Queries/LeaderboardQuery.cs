using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Everyone's most recent value of one definition among an organization's active members, ranked and keyset-paged, in
/// one round trip with its access decision that also returns the definition's unit and kind (so an unknown definition
/// is a row without one, not a second query). The ranking key (<c>score</c>) is ascending in rank order — the negated
/// epoch for latest-first, else the negated exact base-unit amount when higher is better for the kind, or the amount
/// itself — with the member id breaking ties.
/// </summary>
/// <remarks>
/// <para>
/// Two ways to the same page, chosen inside the statement. <b>Probe</b>: the members — from the mapped memberships,
/// joined in the statement, or else the directory's list as a parameter — drive a <c>JOIN LATERAL … LIMIT 1</c> (one
/// probe of <c>member_metrics_member_def_recorded_idx</c> each), then a top-N sort: its cost grows with the organization.
/// <b>Walk</b>, for an organization of at least <c>@p11</c> active members: candidates come in rank order from an index —
/// latest-first from <c>member_metrics_definition_idx</c>, best-first (with provenance) from the latest rows'
/// <c>member_metrics_latest_rank_idx</c> — and each is kept when its member is an active member of the organization and it
/// is that member's latest visible value (no later visible, plausible, source-matching value: one probe), until the page
/// is full. Its cost grows with how far down the definition's ranking the page lies, not with the organization.
/// </para>
/// <para>
/// A walk looks at <c>@p12</c> candidates at most. When they do not fill the page and there were more to look at (the
/// organization's members are rare among the definition's values), the statement ranks by probing instead, so a page
/// costs at most that window plus the probe. Both ways apply the same rules: the same members, the restricted-provenance
/// filter, the sources filter, the plausibility filter, the same order.
/// </para>
/// </remarks>
internal static class LeaderboardQuery
{
    /// <summary>A row: the definition's unit and kind, and a ranked reading (absent when nobody has a value).</summary>
    public sealed record Row(MetricUnit Unit, MetricKind Kind, MetricReading? Reading, decimal Score);

    /// <summary>The fewest candidates a walk looks at, however low the threshold (which may be 0, to always walk).</summary>
    public const int MinimumWalkWindow = 1_000;

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the statement's transaction, sent in the same command before it. The
    /// planner costs the probe of a large organization's every member even when the walk runs instead, and above
    /// <c>jit_above_cost</c> it would compile the statement's expressions for 40–700 ms (measured) to save microseconds.
    /// <c>set_config(…, true)</c> lasts as long as the transaction: the statement's own, or the host's when it runs in one.
    /// </summary>
    public const string WithoutJit = "DO $metricsets$BEGIN PERFORM set_config('jit', 'off', true); END$metricsets$;\n";

    public static string Sql(MetricSetsTables tables, MembershipSql? rules)
    {
        // Best-first walks need the latest rows, which come with provenance.
        var bestWalks = tables.Provenance != MemberMetricProvenance.None;
        return $"""
            WITH {StatementAccess.ForOrganization(rules, "@p10")}, definition AS (
                SELECT d.id, d.unit, d.kind, d.kind::text = ANY(@p8) AS higher
                FROM access
                JOIN {tables.Definitions} AS d ON access.granted AND d.id = @p2
            ), scale AS (
                SELECT EXISTS (SELECT 1 FROM definition) AND ({(bestWalks ? "true" : "@p3")})
                       AND {(rules is null ? "cardinality(@p1)" : rules.CountActiveMembers("@p10", "@p11"))} >= @p11 AS walks
            ), walked AS (
                {LatestWalk(tables, rules)}{(bestWalks ? $"""

                UNION ALL
                {BestWalk(tables, rules, higherIsBetter: true)}
                UNION ALL
                {BestWalk(tables, rules, higherIsBetter: false)}
                """ : string.Empty)}
            ), chosen AS (
                SELECT (SELECT walks FROM scale) AND ((SELECT count(*) FROM walked) >= @p7 OR NOT {WindowFull(tables, bestWalks)}) AS walk
            ), ranked AS (
                SELECT * FROM walked WHERE (SELECT walk FROM chosen)
                UNION ALL
                SELECT * FROM ({Probe(tables, rules)}) AS probed WHERE NOT (SELECT walk FROM chosen) AND EXISTS (SELECT 1 FROM definition)
            )
            SELECT {StatementGrant.Columns}, d.unit, d.kind, r.member_id, r.id, r.value, r.unit, r.recorded_at, r.source, r.recorded_in, r.score
            FROM access
            LEFT JOIN definition AS d ON true
            LEFT JOIN ranked AS r ON true
            ORDER BY r.score, r.member_id
            """;
    }

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
        int walkFrom,
        CancellationToken cancellationToken)
    {
        const int at = StatementGrant.Count;
        var tables = MetricSetsTables.Of(context);
        var (grant, rows) = await GuardedRead.RunAsync(
            context,
            tables.Sql(t => WithoutJit + Sql(t, access.RulesInSql), access.Variant),
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
                SqlParameters.Integer(walkFrom),
                SqlParameters.Integer(Math.Max(walkFrom, MinimumWalkWindow)),
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

    // Every member's latest visible value, one probe per member, then the top of the ranking.
    private static string Probe(MetricSetsTables tables, MembershipSql? rules) => $"""
        SELECT ranked.*
        FROM (
            SELECT u.member_id, m.id, m.value, m.unit, m.recorded_at, m.source, m.recorded_in,
                   CASE WHEN @p3 THEN -extract(epoch FROM m.recorded_at)
                        WHEN d.higher THEN -{ReadingColumns.BaseAmount("m")}
                        ELSE {ReadingColumns.BaseAmount("m")} END AS score
            FROM access
            CROSS JOIN definition AS d
            CROSS JOIN {(rules is null ? "unnest(@p1) AS u(member_id)" : $"({rules.ActiveMembers("@p10")}) AS u")}
            CROSS JOIN LATERAL (
                SELECT {tables.ReadingColumns("mm")} AS recorded_in
                FROM {tables.MemberMetrics} AS mm
                WHERE mm.member_id = u.member_id AND mm.definition_id = d.id{tables.VisibleRows("mm")}{Sources("mm")} AND {ReadingColumns.Plausible("mm", "d")}
                ORDER BY mm.recorded_at DESC, mm.id DESC
                LIMIT 1) AS m) AS ranked
        WHERE @p4 OR (ranked.score, ranked.member_id) > (@p5, @p6)
        ORDER BY ranked.score, ranked.member_id
        LIMIT @p7
        """;

    // Latest first: the definition's values newest first; a value counts when it is its member's latest visible one.
    private static string LatestWalk(MetricSetsTables tables, MembershipSql? rules) => $"""
        (SELECT c.member_id, {tables.ReadingColumns("c")} AS recorded_in, -extract(epoch FROM c.recorded_at) AS score
             FROM ({LatestWindow(tables)}) AS c
             CROSS JOIN access
             WHERE (SELECT walks FROM scale) AND @p3
               AND (@p4 OR (-extract(epoch FROM c.recorded_at), c.member_id) > (@p5, @p6)){tables.VisibleRows("c")}{Sources("c")}
               AND {DefinitionPlausible("c")} AND {ActiveMember(rules, "c.member_id")}
               AND NOT EXISTS (
                   SELECT 1 FROM {tables.MemberMetrics} AS n
                   WHERE n.member_id = c.member_id AND n.definition_id = @p2 AND n.recorded_at >= c.recorded_at AND (n.recorded_at, n.id) > (c.recorded_at, c.id)
                     {tables.VisibleRows("n")}{Sources("n")} AND {DefinitionPlausible("n")})
             ORDER BY c.recorded_at DESC, c.member_id
             LIMIT @p7)
        """;

    // Best first: the latest rows in the kind's direction of the base amount; a row counts when it is its member's latest
    // visible one among the member's latest rows. The rows hold only plausible values (the triggers skip the others).
    private static string BestWalk(MetricSetsTables tables, MembershipSql? rules, bool higherIsBetter)
    {
        var (direction, score) = higherIsBetter ? ("DESC", "-c.base_amount") : ("ASC", "c.base_amount");
        return $"""
            (SELECT w.member_id, {tables.ReadingColumns("mm")} AS recorded_in, w.score
                 FROM (
                     SELECT c.member_id, c.metric_id, {score} AS score
                     FROM ({BestWindow(tables, higherIsBetter)}) AS c
                     CROSS JOIN access
                     WHERE (@p4 OR ({score}, c.member_id) > (@p5, @p6)){tables.VisibleRows("c")}{Sources("c")} AND {ActiveMember(rules, "c.member_id")}
                       AND NOT EXISTS (
                           SELECT 1 FROM {tables.LatestValues} AS n
                           WHERE n.member_id = c.member_id AND n.definition_id = c.definition_id AND (n.recorded_at, n.metric_id) > (c.recorded_at, c.metric_id)
                             {tables.VisibleRows("n")}{Sources("n")})
                     ORDER BY c.base_amount {direction}, c.member_id
                     LIMIT @p7) AS w
                 JOIN {tables.MemberMetrics} AS mm ON mm.id = w.metric_id
                 WHERE (SELECT walks FROM scale) AND NOT @p3 AND (SELECT {(higherIsBetter ? string.Empty : "NOT ")}higher FROM definition))
            """;
    }

    // The candidates a latest-first walk looks at: the definition's values from the cursor on, newest first (the bound is
    // loose by a millisecond, since the cursor holds the time as epoch seconds; the exact keyset filter follows).
    private static string LatestWindow(MetricSetsTables tables) => $"""
        SELECT mm.* FROM {tables.MemberMetrics} AS mm
        WHERE mm.definition_id = @p2 AND (@p4 OR mm.recorded_at <= to_timestamp((-@p5)::double precision) + interval '1 millisecond')
        ORDER BY mm.recorded_at DESC, mm.member_id
        LIMIT @p12
        """;

    // The candidates a best-first walk looks at: the definition's latest rows from the cursor on, best first.
    private static string BestWindow(MetricSetsTables tables, bool higherIsBetter) => $"""
        SELECT l.* FROM {tables.LatestValues} AS l
        WHERE l.definition_id = @p2 AND (@p4 OR {(higherIsBetter ? "l.base_amount <= -@p5" : "l.base_amount >= @p5")})
        ORDER BY l.base_amount {(higherIsBetter ? "DESC" : "ASC")}, l.member_id
        LIMIT @p12
        """;

    // Whether the walk that ran left candidates unseen: its window held as many as it may look at.
    private static string WindowFull(MetricSetsTables tables, bool bestWalks)
    {
        static string Full(string window) => $"(SELECT count(*) FROM ({window}) AS window_rows) >= @p12";
        return bestWalks
            ? $"""
              CASE WHEN @p3 THEN {Full(LatestWindow(tables))}
                   WHEN (SELECT higher FROM definition) THEN {Full(BestWindow(tables, higherIsBetter: true))}
                   ELSE {Full(BestWindow(tables, higherIsBetter: false))} END
              """
            : Full(LatestWindow(tables));
    }

    private static string Sources(string alias) => $" AND (@p9::text[] IS NULL OR {alias}.source = ANY(@p9))";

    // Plausible for the definition read once by the statement (scalar subqueries, so the walk's order is kept).
    private static string DefinitionPlausible(string alias) => ReadingColumns.Plausible(alias, "(SELECT kind FROM definition)", "(SELECT unit FROM definition)");

    private static string ActiveMember(MembershipSql? rules, string member) =>
        rules is null ? $"{member} = ANY(@p1)" : rules.Holds(member, "@p10", rules.MemberRoles);
}
