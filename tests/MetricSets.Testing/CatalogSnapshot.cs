using Npgsql;

namespace MetricSets.Testing;

/// <summary>What pg_catalog says about the library's tables: columns, enums, constraints and indexes, as text lines.</summary>
public static class CatalogSnapshot
{
    private const string Tables = "'metric_definitions', 'metric_sets', 'metric_set_definitions', 'member_metrics', 'member_metrics_latest'";

    public static Task<List<string>> ColumnsAsync(string connectionString) => LinesAsync(connectionString, $"""
        SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
               || CASE WHEN a.attgenerated = 's' THEN ' GENERATED' ELSE coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') END
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relname IN ({Tables}) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """);

    public static Task<List<string>> EnumsAsync(string connectionString) => LinesAsync(connectionString, """
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typname IN ('metric_unit', 'metric_kind')
        GROUP BY t.typname ORDER BY t.typname
        """);

    public static Task<List<string>> ConstraintsAsync(string connectionString) => LinesAsync(connectionString, $"""
        SELECT c.conname || ': ' || pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
        WHERE r.relname IN ({Tables}) AND c.contype <> 'n'
        ORDER BY c.conname
        """);

    public static Task<List<string>> IndexesAsync(string connectionString) => LinesAsync(connectionString, $"""
        SELECT indexname || ': ' || indexdef FROM pg_indexes
        WHERE tablename IN ({Tables})
          AND indexname NOT IN (SELECT conname FROM pg_constraint)
        ORDER BY indexname
        """);

    /// <summary>The triggers on the library's tables: name, table, and the function they run.</summary>
    public static Task<List<string>> TriggersAsync(string connectionString) => LinesAsync(connectionString, $"""
        SELECT t.tgname || ': ' || pg_get_triggerdef(t.oid)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relname IN ({Tables}) AND NOT t.tgisinternal
        ORDER BY t.tgname
        """);

    /// <summary>The library's own functions (those the flat reads create), with their volatility, security and settings.</summary>
    public static Task<List<string>> FunctionsAsync(string connectionString) => LinesAsync(connectionString, """
        SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || p.provolatile::text
               || CASE WHEN p.prosecdef THEN ' security definer' ELSE '' END || coalesce(' ' || array_to_string(p.proconfig, ' '), '')
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema() AND (p.proname LIKE 'member_metrics%' OR p.proname LIKE 'metric%')
        ORDER BY p.proname
        """);

    private static async Task<List<string>> LinesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
