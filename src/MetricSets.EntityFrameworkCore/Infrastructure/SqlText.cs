namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>Names and literals written into the library's SQL text, quoted one way everywhere.</summary>
internal static class SqlText
{
    /// <summary>Returns <paramref name="identifier"/> as a quoted SQL identifier.</summary>
    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Returns a quoted table name, qualified by its schema when it has one.</summary>
    public static string Qualified(string? schema, string table) => schema is null ? Quote(table) : $"{Quote(schema)}.{Quote(table)}";

    /// <summary>Returns <paramref name="values"/> as a comma-separated list of SQL string literals.</summary>
    public static string Literals(IEnumerable<string> values) =>
        string.Join(", ", values.Select(value => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'"));
}
