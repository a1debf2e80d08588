using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Everyone's most recent value of one definition among an organization's active members, ranked and keyset-paged, each
/// statement with its access decision, which also returns the definition's unit and kind (so an unknown definition is a
/// row without one, not a second query). The ranking key (<c>score</c>) is ascending in rank order — the negated epoch for
/// latest-first, else the negated exact base-unit amount when higher is better for the kind, or the amount itself — with
/// the member id breaking ties.
/// </summary>
/// <remarks>
/// <para>
/// Two ways to the same page. <b>Probe</b> (<see cref="ProbeSql"/>): the members — from the mapped memberships, joined in
/// the statement, or else the directory's list as a parameter — drive a <c>JOIN LATERAL … LIMIT 1</c> (one probe of
/// <c>member_metrics_member_def_recorded_idx</c> each), then a top-N sort: its cost grows with the organization.
/// <b>Walk</b> (<see cref="WalkSql"/>), for an organization of at least <c>walkFrom</c> active members: candidates come in
/// rank order from an index — latest-first from <c>member_metrics_definition_idx</c>, best-first (with provenance) from the
/// latest rows' <c>member_metrics_latest_rank_idx</c> — and each is kept when its member is an active member of the
/// organization and it is that member's latest visible value (no later visible, plausible, source-matching value: one
/// probe), until the page is full. Its cost grows with how far down the definition's ranking the page lies, not with the
/// organization. Both apply the same rules: the same members, restricted provenance, the sources filter, plausibility.
/// </para>
/// <para>
/// The first statement is the probe, capped: with mapped memberships it counts the organization's members up to
/// <c>walkFrom</c> and probes only when there are fewer (one round trip for a small organization, as before); a directory's
/// list says the size itself. A large organization is then walked. A walk looks at <c>max(walkFrom, 1,000)</c> candidates
/// at most; when they do not fill the page and more remain (the organization's members are rare among the definition's
/// values, or this is the last page), every member is probed after all — so a page costs at most that window plus the
/// probe. Without provenance there are no latest rows, and a large organization's best-first page is probed.
/// </para>
/// </remarks>
internal static class LeaderboardQuery
{
    /// <summary>A row: the definition's unit and kind, and a ranked reading (absent when nobody has a value).</summary>
    public sealed record Row(MetricUnit Unit, MetricKind Kind, MetricReading? Reading, decimal Score);

    /// <summary>The fewest candidates a walk looks at, however low the threshold (which may be 0, to always walk).</summary>
    public const int MinimumWalkWindow = 1_000;

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the statement's transaction, sent in the same command before the probe
    /// of every member of a large organization: above <c>jit_above_cost</c> PostgreSQL would compile its expressions for
    /// 40–700 ms (measured) to save microseconds. <c>set_config(…, true)</c> lasts as long as the transaction: the
    /// statement's own, or the host's when it runs in one.
    /// </summary>
    public const string WithoutJit = "DO $metricsets$BEGIN PERFORM set_config('jit', 'off', true); END$metricsets$;\n";

    // The columns every statement returns after the verdict: the definition's unit and kind, the ranked reading, its score,
    // and what the statement says about the way it took (large: the capped probe found the organization too large to
    // probe; complete: the walk's page is the leaderboard's).
    private const int At = StatementGrant.Count;

    /// <summary>
    /// The probe: every member's latest visible value, one index probe each, ranked. With <paramref name="capped"/>, the
    /// members are counted up to <c>@p11</c> first and none is probed when there are that many (<c>large</c> is true);
    /// otherwise every member is probed.
    /// </summary>
    public static string ProbeSql(MetricSetsTables tables, AccessShape shape, bool capped)
    {
        var rules = shape.Rules;
        var large = !capped ? "false" : $"{(rules is null ? "cardinality(@p1)" : rules.CountActiveMembers("@p10", "@p11"))} >= @p11";
        var members = rules is null ? "unnest(@p1) AS u(member_id)" : $"({rules.ActiveMembers("@p10")}{(capped ? " LIMIT @p11" : string.Empty)}) AS u";
        return $"""
            WITH {Head(tables, shape)}, scale AS (
                SELECT {large} AS large
            )
            SELECT {StatementGrant.Columns}, d.unit, d.kind, r.member_id, r.id, r.value, r.unit, r.recorded_at, r.source, r.recorded_in, r.score,
                   (SELECT large FROM scale), false
            FROM access
            LEFT JOIN definition AS d ON true
            LEFT JOIN LATERAL (
                SELECT ranked.*
                FROM (
                    SELECT u.member_id, m.id, m.value, m.unit, m.recorded_at, m.source, m.recorded_in,
                           CASE WHEN @p3 THEN -extract(epoch FROM m.recorded_at) WHEN d.higher THEN -m.base_amount ELSE m.base_amount END AS score
                    FROM {members}
                    CROSS JOIN LATERAL (
                        SELECT {tables.ReadingColumns("mm")} AS recorded_in, {tables.BaseAmount("mm")} AS base_amount
                        FROM {tables.MemberMetrics} AS mm
                        WHERE mm.member_id = u.member_id AND mm.definition_id = d.id{tables.VisibleRows("mm")}{Sources("mm")} AND {tables.Plausible("mm", "d")}
                        ORDER BY mm.recorded_at DESC, mm.id DESC
                        LIMIT 1) AS m) AS ranked
                WHERE NOT (SELECT large FROM scale) AND (@p4 OR (ranked.score, ranked.member_id) > (@p5, @p6))
                ORDER BY ranked.score, ranked.member_id
                LIMIT @p7) AS r ON true
            ORDER BY r.score, r.member_id
            """;
    }

    /// <summary>
    /// The walk, latest first or (with provenance) best first in the definition kind's direction; <c>complete</c> says
    /// whether its rows are the page: it filled it, or its window held every candidate there was.
    /// </summary>
    public static string WalkSql(MetricSetsTables tables, AccessShape shape, bool latestFirst)
    {
        var rules = shape.Rules;
        var (walk, windowFull) = latestFirst
            ? (LatestWalk(tables, rules), Full(LatestWindow(tables)))
            : ($"""
               {BestWalk(tables, rules, higherIsBetter: true)}
               UNION ALL
               {BestWalk(tables, rules, higherIsBetter: false)}
               """,
               $"CASE WHEN (SELECT higher FROM definition) THEN {Full(BestWindow(tables, higherIsBetter: true))} ELSE {Full(BestWindow(tables, higherIsBetter: false))} END");
        return $"""
            WITH {Head(tables, shape)}, walked AS (
                {walk}
            )
            SELECT {StatementGrant.Columns}, d.unit, d.kind, r.member_id, r.id, r.value, r.unit, r.recorded_at, r.source, r.recorded_in, r.score,
                   false, (SELECT count(*) FROM walked) >= @p7 OR NOT {windowFull}
            FROM access
            LEFT JOIN definition AS d ON true
            LEFT JOIN walked AS r ON true
            ORDER BY r.score, r.member_id
            """;
    }

    /// <summary>Reads the verdict and the ranked rows, probing or walking as the organization's size asks; none when the definition does not exist.</summary>
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
        var tables = MetricSetsTables.Of(context);
        var shape = access.Shape;

        // A directory's list, made once: a large organization's page may send it with two statements (the walk, then the probe).
        var members = listedMembers?.Select(id => id.Value).ToArray() ?? [];

        // A directory's list tells the organization's size; mapped memberships are counted by the capped probe.
        var large = listedMembers is not null && listedMembers.Count >= walkFrom;
        if (!large)
        {
            var probed = await RunAsync(context, tables.Sql(t => ProbeSql(t, shape, capped: true), shape.Key), Parameters(), cancellationToken).ConfigureAwait(false);
            if (!probed.Grant.Granted || probed.Rows is null || !probed.Large)
            {
                return (probed.Grant, probed.Rows);
            }
        }

        // Best first needs the latest rows, which come with provenance.
        if (latestFirst || tables.Provenance != MemberMetricProvenance.None)
        {
            var walked = await RunAsync(
                context, tables.Sql(t => WalkSql(t, shape, latestFirst), (shape.Key, latestFirst)), Parameters(), cancellationToken).ConfigureAwait(false);
            if (!walked.Grant.Granted || walked.Rows is null || walked.Complete)
            {
                return (walked.Grant, walked.Rows);
            }
        }

        var all = await RunAsync(context, tables.Sql(t => WithoutJit + ProbeSql(t, shape, capped: false), shape.Key), Parameters(), cancellationToken)
            .ConfigureAwait(false);
        return (all.Grant, all.Rows);

        Npgsql.NpgsqlParameter[] Parameters() =>
        [
            SqlParameters.Uuids(members),
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
        ];

        async Task<(StatementGrant Grant, List<Row>? Rows, bool Large, bool Complete)> RunAsync(
            DbContext context, string sql, Npgsql.NpgsqlParameter[] parameters, CancellationToken cancellationToken)
        {
            var (grant, rows) = await GuardedRead.RunAsync(
                context,
                sql,
                access,
                () => parameters,
                reader => (
                    Row: reader.IsDBNull(At)
                        ? null
                        : new Row(
                            reader.GetFieldValue<MetricUnit>(At),
                            reader.GetFieldValue<MetricKind>(At + 1),
                            reader.IsDBNull(At + 2) ? null : ReadingColumns.Read(reader, At + 3, new UserId(reader.GetGuid(At + 2)), definitionId),
                            reader.IsDBNull(At + 9) ? 0m : reader.GetDecimal(At + 9)),
                    Large: !reader.IsDBNull(At + 10) && reader.GetBoolean(At + 10),
                    Complete: !reader.IsDBNull(At + 11) && reader.GetBoolean(At + 11)),
                cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 || rows[0].Row is null
                ? (grant, null, false, false)
                : (grant, [.. rows.Select(row => row.Row!)], rows[0].Large, rows[0].Complete);
        }
    }

    // The access decision and the definition, read once by each statement: materialized, so the kind's direction is
    // decided once rather than for each member's score (the probe refers to the definition once, and PostgreSQL would
    // otherwise fold it into the probe).
    private static string Head(MetricSetsTables tables, AccessShape shape) => $"""
        {StatementAccess.ForOrganization(shape, "@p10")}, definition AS MATERIALIZED (
            SELECT d.id, d.unit, d.kind, d.kind::text = ANY(@p8) AS higher
            FROM access
            JOIN {tables.Definitions} AS d ON access.granted AND d.id = @p2
        )
        """;

    // Latest first: the definition's values newest first; a value counts when it is its member's latest visible one.
    private static string LatestWalk(MetricSetsTables tables, MembershipSql? rules) => $"""
        SELECT c.member_id, {tables.ReadingColumns("c")} AS recorded_in, -extract(epoch FROM c.recorded_at) AS score
        FROM ({LatestWindow(tables)}) AS c
        CROSS JOIN access
        WHERE EXISTS (SELECT 1 FROM definition)
          AND (@p4 OR (-extract(epoch FROM c.recorded_at), c.member_id) > (@p5, @p6)){tables.VisibleRows("c")}{Sources("c")}
          AND {DefinitionPlausible(tables, "c")} AND {ActiveMember(rules, "c.member_id")}
          AND NOT EXISTS (
              SELECT 1 FROM {tables.MemberMetrics} AS n
              WHERE n.member_id = c.member_id AND n.definition_id = @p2 AND n.recorded_at >= c.recorded_at AND (n.recorded_at, n.id) > (c.recorded_at, c.id)
                {tables.VisibleRows("n")}{Sources("n")} AND {DefinitionPlausible(tables, "n")})
        ORDER BY c.recorded_at DESC, c.member_id
        LIMIT @p7
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
                 WHERE (SELECT {(higherIsBetter ? string.Empty : "NOT ")}higher FROM definition))
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

    // Whether a walk's window held as many candidates as it may look at (then some may remain unseen).
    private static string Full(string window) => $"(SELECT count(*) FROM ({window}) AS window_rows) >= @p12";

    private static string Sources(string alias) => $" AND (@p9::text[] IS NULL OR {alias}.source = ANY(@p9))";

    // Plausible for the definition read once by the statement, its kind and unit as scalar subqueries (so the walk's order
    // is kept) where the rule is written out.
    private static string DefinitionPlausible(MetricSetsTables tables, string alias) =>
        tables.Plausible(alias, "(SELECT kind FROM definition)", "(SELECT unit FROM definition)");

    // A directory's list arrives as an array parameter: with 100,000 members, planning "= ANY" over it (the planner weighs
    // each element) and sending it cost tens of milliseconds per page (docs/scaling.md); mapped memberships avoid both.
    private static string ActiveMember(MembershipSql? rules, string member) =>
        rules is null ? $"{member} = ANY(@p1)" : rules.Holds(member, "@p10", rules.MemberRoles);
}
