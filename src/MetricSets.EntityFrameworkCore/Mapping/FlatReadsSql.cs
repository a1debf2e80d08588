using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Latest = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.LatestValues;
using DefinitionColumns = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.Definitions;
using Values = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.MemberMetrics;
using Triggers = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.FlatReads;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>
/// The DDL of the flat reads that EF Core's model cannot express, created with <c>member_metrics_latest</c> (with
/// provenance, <see cref="MemberMetricProvenance.Track"/> or <see cref="MemberMetricProvenance.Restrict"/>) by
/// <see cref="MetricSetsMigrationsSqlGenerator"/>, so that a host's migration, <c>EnsureCreated</c> and
/// <c>GenerateCreateScript</c> all include it:
/// <list type="bullet">
/// <item>Two columns on <c>member_metrics</c>: <c>base_amount</c>, the exact amount in the dimension's base unit (a stored
/// generated column whose expression is <see cref="ReadingColumns.BaseAmount(string, string)"/>), and <c>plausible</c>, whether
/// reads may report the value (<see cref="ReadingColumns.Plausible(string, string)"/>, decided by the triggers below
/// whoever writes, from the definition's rule stored in two generated columns of <c>metric_definitions</c>,
/// <c>plausible_units</c> and <c>plausible_maximum</c>); and the index <c>member_metrics_member_def_amount_idx (member_id, definition_id, base_amount)</c>: a personal
/// best is one ordered probe per definition, whatever the depth and the mix of units. Deciding both when a value is written
/// keeps the reads' statements small, which PostgreSQL plans on every call.</item>
/// <item>Statement-level triggers on <c>member_metrics</c> for INSERT, UPDATE, DELETE and TRUNCATE that decide new values'
/// plausibility and keep <c>member_metrics_latest</c> equal to <see cref="RebuildSelect"/> in the same transaction as every
/// write, whoever makes it: the library, COPY, another tool's SQL, a member's cascading deletion, an organization's deletion (which sets the
/// values' organization to NULL).</item>
/// <item>A statement-level trigger on <c>metric_definitions</c> that decides the plausibility of a definition's values again
/// when another tool changes its kind or unit.</item>
/// <item>The backfill: the plausibility of the rows already stored, then <see cref="Rebuild"/> over them.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>
/// Concurrency. An insert upserts with "newer wins" and always updates the row it conflicts with, so the row stays locked
/// until the writer commits. A delete first locks the latest rows that name a deleted value, then recomputes them in a
/// statement of its own: under READ COMMITTED that statement sees every writer that held a lock on them, and a writer that
/// comes later merges its value into the recomputed row by "newer wins". Under REPEATABLE READ and SERIALIZABLE the lock
/// of a row another transaction changed raises a serialization failure (40001), which callers retry.
/// </para>
/// <para>
/// The trigger functions are SECURITY DEFINER, with the search path pinned to the tables' schema: under row-level
/// security the application role reads <c>member_metrics_latest</c> (a policy like member_metrics') but cannot write it,
/// so no session can forge a leaderboard row.
/// </para>
/// </remarks>
internal static class FlatReadsSql
{
    /// <summary>The triggers on <c>member_metrics</c>, in the order the health check names them.</summary>
    public static readonly IReadOnlyList<string> MemberMetricsTriggers = [Triggers.InsertTrigger, Triggers.UpdateTrigger, Triggers.DeleteTrigger, Triggers.TruncateTrigger];

    // Each trigger's function bears its name.
    private static readonly string[] TriggerFunctions = [.. MemberMetricsTriggers, Triggers.DefinitionsTrigger];

    /// <summary>
    /// The statements that add the columns (two on <c>member_metrics</c>, two on <c>metric_definitions</c>) and decide the
    /// stored values' plausibility, create the index and the triggers, then fill <c>member_metrics_latest</c>.
    /// </summary>
    public static IReadOnlyList<string> Install(string? schema)
    {
        var t = new Tables(schema);
        return
        [
            // IF NOT EXISTS, here and on the index: on a large table a host may add them beforehand, at a time of its choosing
            // (the generated column rewrites the table; the index can be built CONCURRENTLY).
            $"""
            ALTER TABLE {t.MemberMetrics}
                ADD COLUMN IF NOT EXISTS {Values.BaseAmount} numeric GENERATED ALWAYS AS {ReadingColumns.BaseAmount(Values.Value, Values.Unit)} STORED,
                ADD COLUMN IF NOT EXISTS {Values.Plausible} boolean NOT NULL DEFAULT true
            """,
            $"""
            ALTER TABLE {t.Definitions}
                ADD COLUMN IF NOT EXISTS {DefinitionColumns.PlausibleUnits} {t.UnitType}[] GENERATED ALWAYS AS ({ReadingColumns.DefinitionUnits("kind", "unit", t.UnitType)}) STORED,
                ADD COLUMN IF NOT EXISTS {DefinitionColumns.PlausibleMaximum} numeric GENERATED ALWAYS AS ({ReadingColumns.DefinitionMaximum("kind", "unit")}) STORED
            """,
            $"""
            UPDATE {t.MemberMetrics} AS m SET {Values.Plausible} = false
            FROM {t.Definitions} AS d
            WHERE d.id = m.definition_id AND m.{Values.Plausible} AND NOT {Plausible("m", "d")}
            """,
            $"CREATE INDEX IF NOT EXISTS {SqlText.Quote(Values.AmountIndex)} ON {t.MemberMetrics} (member_id, definition_id, {Values.BaseAmount})",
            InsertFunction(t),
            DeleteFunction(t),
            UpdateFunction(t),
            $"""
            CREATE OR REPLACE FUNCTION {t.Function(Triggers.TruncateTrigger)}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
            BEGIN
                TRUNCATE {t.Latest};
                RETURN NULL;
            END
            $function$
            """,
            DefinitionsFunction(t),
            PinSearchPath(schema),
            $"""
            CREATE TRIGGER {SqlText.Quote(Triggers.InsertTrigger)} AFTER INSERT ON {t.MemberMetrics}
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.Function(Triggers.InsertTrigger)}()
            """,
            $"""
            CREATE TRIGGER {SqlText.Quote(Triggers.UpdateTrigger)} AFTER UPDATE ON {t.MemberMetrics}
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.Function(Triggers.UpdateTrigger)}()
            """,
            $"""
            CREATE TRIGGER {SqlText.Quote(Triggers.DeleteTrigger)} AFTER DELETE ON {t.MemberMetrics}
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.Function(Triggers.DeleteTrigger)}()
            """,
            $"CREATE TRIGGER {SqlText.Quote(Triggers.TruncateTrigger)} AFTER TRUNCATE ON {t.MemberMetrics} FOR EACH STATEMENT EXECUTE FUNCTION {t.Function(Triggers.TruncateTrigger)}()",
            $"""
            CREATE TRIGGER {SqlText.Quote(Triggers.DefinitionsTrigger)} AFTER UPDATE ON {t.Definitions}
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {t.Function(Triggers.DefinitionsTrigger)}()
            """,
            Rebuild(schema),
        ];
    }

    /// <summary>The statements that remove what <see cref="Install"/> created (before <c>member_metrics_latest</c> is dropped).</summary>
    public static IReadOnlyList<string> Uninstall(string? schema)
    {
        var t = new Tables(schema);
        return
        [
            .. MemberMetricsTriggers.Select(trigger => $"DROP TRIGGER IF EXISTS {SqlText.Quote(trigger)} ON {t.MemberMetrics}"),
            $"DROP TRIGGER IF EXISTS {SqlText.Quote(Triggers.DefinitionsTrigger)} ON {t.Definitions}",
            .. TriggerFunctions.Select(function => $"DROP FUNCTION IF EXISTS {t.Function(function)}()"),
            $"DROP INDEX IF EXISTS {SqlText.Qualified(schema, Values.AmountIndex)}",
            $"ALTER TABLE {t.MemberMetrics} DROP COLUMN IF EXISTS {Values.Plausible}, DROP COLUMN IF EXISTS {Values.BaseAmount}",
            $"ALTER TABLE {t.Definitions} DROP COLUMN IF EXISTS {DefinitionColumns.PlausibleUnits}, DROP COLUMN IF EXISTS {DefinitionColumns.PlausibleMaximum}",
        ];
    }

    /// <summary>
    /// Fills <c>member_metrics_latest</c> from every stored value ("newer wins" against rows already there): the backfill of
    /// the migration that creates the table, and, after <c>TRUNCATE member_metrics_latest</c> with writers locked out,
    /// the documented rebuild.
    /// </summary>
    public static string Rebuild(string? schema)
    {
        var t = new Tables(schema);
        return $"""
            INSERT INTO {t.Latest} AS l ({Columns})
            {RebuildSelect(t, t.MemberMetrics, "m", string.Empty)}
            {Upsert}
            """;
    }

    /// <summary>
    /// The latest plausible value of each partition of the rows of <paramref name="source"/> (a table, or a trigger's
    /// transition table) that meet <paramref name="where"/> (a SQL condition over <paramref name="alias"/> with its leading
    /// AND, or empty), in key order.
    /// </summary>
    private static string RebuildSelect(Tables t, string source, string alias, string where) => $"""
        SELECT DISTINCT ON ({alias}.member_id, {alias}.definition_id, {RecordedIn(alias)}, {Source(alias)})
               {alias}.member_id, {alias}.definition_id, {RecordedIn(alias)}, {Source(alias)}, {alias}.id, {alias}.recorded_at, {alias}.{Values.BaseAmount}
        FROM {source} AS {alias}
        JOIN {t.Definitions} AS d ON d.id = {alias}.definition_id
        WHERE {Plausible(alias, "d")}{where}
        ORDER BY {alias}.member_id, {alias}.definition_id, {RecordedIn(alias)}, {Source(alias)}, {alias}.recorded_at DESC, {alias}.id DESC
        """;

    // A new value's row is inserted in key order (so concurrent writers lock rows in one order) and merges by "newer wins";
    // it always updates the row it meets, so that row stays locked until the writer commits (see the remarks).
    private static string InsertFunction(Tables t) => $"""
        CREATE OR REPLACE FUNCTION {t.Function(Triggers.InsertTrigger)}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
        BEGIN
            {Indented(DecidePlausibility(t), 4)}

            INSERT INTO {t.Latest} AS l ({Columns})
            {Indented(RebuildSelect(t, "new_rows", "n", string.Empty), 4)}
            {Indented(Upsert, 4)};
            RETURN NULL;
        END
        $function$
        """;

    // Only the latest rows that name a deleted value change: locked first, in key order, then recomputed by a statement of
    // their own (a fresh snapshot under READ COMMITTED), emptied when no plausible value is left in their partition.
    private static string DeleteFunction(Tables t) => $"""
        CREATE OR REPLACE FUNCTION {t.Function(Triggers.DeleteTrigger)}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
        BEGIN
            PERFORM 1
            FROM {t.Latest} AS l
            JOIN old_rows AS o ON o.member_id = l.member_id AND o.definition_id = l.definition_id AND o.id = l.metric_id
            ORDER BY l.member_id, l.definition_id, l.organization_id, l.source
            FOR UPDATE OF l;

            WITH stale AS (
                SELECT l.member_id, l.definition_id, l.organization_id, l.source
                FROM {t.Latest} AS l
                WHERE (l.member_id, l.definition_id) IN (SELECT o.member_id, o.definition_id FROM old_rows AS o)
                  AND NOT EXISTS (SELECT 1 FROM {t.MemberMetrics} AS m WHERE m.id = l.metric_id)
            ), fresh AS (
                SELECT s.member_id, s.definition_id, s.organization_id, s.source, v.id, v.recorded_at, v.base_amount
                FROM stale AS s
                JOIN LATERAL (
                    SELECT m.id, m.recorded_at, m.{Values.BaseAmount}
                    FROM {t.MemberMetrics} AS m
                    JOIN {t.Definitions} AS d ON d.id = m.definition_id
                    WHERE m.member_id = s.member_id AND m.definition_id = s.definition_id
                      AND {RecordedIn("m")} = s.organization_id AND {Source("m")} = s.source AND {Plausible("m", "d")}
                    ORDER BY m.recorded_at DESC, m.id DESC
                    LIMIT 1) AS v ON true
            ), emptied AS (
                DELETE FROM {t.Latest} AS l
                USING stale AS s
                WHERE {SameKey("l", "s")} AND NOT EXISTS (SELECT 1 FROM fresh AS f WHERE {SameKey("f", "s")})
            )
            UPDATE {t.Latest} AS l
            SET metric_id = f.id, recorded_at = f.recorded_at, base_amount = f.base_amount
            FROM fresh AS f
            WHERE {SameKey("l", "f")};
            RETURN NULL;
        END
        $function$
        """;

    // An update may move a value to another partition (an organization's deletion sets organization_id to NULL) or change
    // its amount: every partition of each (member, definition) it touches is locked, then rebuilt from the stored values.
    private static string UpdateFunction(Tables t)
    {
        const string touched = "(SELECT o.member_id, o.definition_id FROM old_rows AS o UNION SELECT n.member_id, n.definition_id FROM new_rows AS n)";
        return $"""
            CREATE OR REPLACE FUNCTION {t.Function(Triggers.UpdateTrigger)}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
            BEGIN
                {Indented(DecidePlausibility(t), 8)}

                PERFORM 1
                FROM {t.Latest} AS l
                WHERE (l.member_id, l.definition_id) IN {touched}
                ORDER BY l.member_id, l.definition_id, l.organization_id, l.source
                FOR UPDATE OF l;

                DELETE FROM {t.Latest} AS l WHERE (l.member_id, l.definition_id) IN {touched};

                INSERT INTO {t.Latest} AS l ({Columns})
                {Indented(RebuildSelect(t, t.MemberMetrics, "m", $" AND (m.member_id, m.definition_id) IN {touched}"), 4)}
                {Indented(Upsert, 4)};
                RETURN NULL;
            END
            $function$
            """;
    }

    // Whether the value of alias, of the definition d, may be reported: computed from its columns and the definition's
    // stored rule, never its own stored flag. A short expression, because PostgreSQL plans the triggers' statements again
    // after every DISCARD ALL (Npgsql's reset of a pooled connection).
    private static string Plausible(string alias, string definition) =>
        $"coalesce({alias}.unit = ANY({definition}.{DefinitionColumns.PlausibleUnits}) AND {alias}.{Values.BaseAmount} BETWEEN 0 AND {definition}.{DefinitionColumns.PlausibleMaximum}, false)";

    // A value's plausibility as reads use it (member_metrics.plausible) is decided here, whoever wrote the rows: the
    // library's writes are valid by construction, another tool's may not be, and a hand-set flag is put right. Only rows
    // whose flag is wrong are updated; that update runs the update trigger again, which then finds none and stops.
    private static string DecidePlausibility(Tables t) => $"""
        IF EXISTS (
            SELECT 1 FROM new_rows AS n JOIN {t.Definitions} AS d ON d.id = n.definition_id
            WHERE n.{Values.Plausible} <> {Plausible("n", "d")}) THEN
            UPDATE {t.MemberMetrics} AS m SET {Values.Plausible} = {Plausible("m", "d")}
            FROM new_rows AS n
            JOIN {t.Definitions} AS d ON d.id = n.definition_id
            WHERE m.id = n.id AND m.{Values.Plausible} <> {Plausible("m", "d")};
        END IF;
        """;

    // A definition's kind and unit never change through the library; when another tool changes them, its values'
    // plausibility is decided again (and, through the update trigger, its latest rows). Other changes cost one comparison.
    private static string DefinitionsFunction(Tables t) => $"""
        CREATE OR REPLACE FUNCTION {t.Function(Triggers.DefinitionsTrigger)}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
        BEGIN
            IF EXISTS (SELECT 1 FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id WHERE (o.kind, o.unit) IS DISTINCT FROM (n.kind, n.unit)) THEN
                UPDATE {t.MemberMetrics} AS m SET {Values.Plausible} = {Plausible("m", "d")}
                FROM new_rows AS d
                WHERE m.definition_id = d.id AND m.{Values.Plausible} <> {Plausible("m", "d")};
            END IF;
            RETURN NULL;
        END
        $function$
        """;

    // The trigger functions run as the tables' owner: their search path is the tables' schema (the one the migration runs
    // in when the model names none), never the caller's.
    private static string PinSearchPath(string? schema)
    {
        var target = schema is null ? "current_schema()" : $"'{schema.Replace("'", "''", StringComparison.Ordinal)}'";
        var alters = string.Join(
            '\n',
            TriggerFunctions.Select(function =>
                $"    EXECUTE format('ALTER FUNCTION %I.%I() SET search_path = pg_catalog, %I, pg_temp', target, '{function}', target);"));
        return $"""
            DO $pin$
            DECLARE target name := {target};
            BEGIN
            {alters}
            END
            $pin$
            """;
    }

    private const string Columns = $"{Latest.MemberId}, {Latest.DefinitionId}, {Latest.RecordedIn}, {Latest.Source}, {Latest.MetricId}, {Latest.RecordedAt}, {Latest.BaseAmount}";

    private const string Newer = "(excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id)";

    private const string Upsert = $"""
        ON CONFLICT ({Latest.MemberId}, {Latest.DefinitionId}, {Latest.RecordedIn}, {Latest.Source}) DO UPDATE
        SET metric_id = CASE WHEN {Newer} THEN excluded.metric_id ELSE l.metric_id END,
            recorded_at = CASE WHEN {Newer} THEN excluded.recorded_at ELSE l.recorded_at END,
            base_amount = CASE WHEN {Newer} THEN excluded.base_amount ELSE l.base_amount END
        """;

    // Indents every line of a multi-line fragment but the first, which the template indents itself.
    private static string Indented(string text, int spaces) => text.Replace("\n", "\n" + new string(' ', spaces), StringComparison.Ordinal);

    /// <summary>A value's organization as the latest rows' key holds it: never NULL.</summary>
    private static string RecordedIn(string alias) => $"coalesce({alias}.organization_id, '{Latest.NoOrganization}'::uuid)";

    /// <summary>A value's source as the latest rows' key holds it: never NULL.</summary>
    private static string Source(string alias) => $"coalesce({alias}.source, '{Latest.NoSource}')";

    private static string SameKey(string left, string right) =>
        $"({left}.member_id, {left}.definition_id, {left}.organization_id, {left}.source) = ({right}.member_id, {right}.definition_id, {right}.organization_id, {right}.source)";

    /// <summary>The quoted, qualified names the statements use.</summary>
    private sealed class Tables(string? schema)
    {
        public string MemberMetrics { get; } = SqlText.Qualified(schema, SchemaNames.MemberMetrics.Table);

        public string Definitions { get; } = SqlText.Qualified(schema, SchemaNames.Definitions.Table);

        public string Latest { get; } = SqlText.Qualified(schema, SchemaNames.LatestValues.Table);

        public string UnitType { get; } = SqlText.Qualified(schema, SchemaNames.UnitEnum);



        public string Function(string name) => SqlText.Qualified(schema, name);
    }
}
