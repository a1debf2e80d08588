using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// What the database holds of an <see cref="ExpectedSchema"/>, read from pg_catalog in one statement: the columns of each
/// expected table and the labels of each expected enum type, as the connection's search path resolves their names (the
/// same resolution the library's own SQL gets).
/// </summary>
internal sealed class StoredSchema
{
    // One row per column or label; a table or type that does not exist comes back as one row with a NULL item.
    private const string Sql = """
        SELECT 'table', t.name, a.attname::text
        FROM unnest(@p1::text[]) AS t(name)
        LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = to_regclass(t.name) AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL
        SELECT 'enum', e.name, l.enumlabel::text
        FROM unnest(@p2::text[]) AS e(name)
        LEFT JOIN pg_catalog.pg_enum AS l ON l.enumtypid = to_regtype(e.name)
        """;

    private readonly Dictionary<string, HashSet<string>> _tables;
    private readonly Dictionary<string, HashSet<string>> _enums;

    private StoredSchema(Dictionary<string, HashSet<string>> tables, Dictionary<string, HashSet<string>> enums) => (_tables, _enums) = (tables, enums);

    /// <summary>Reads what the database of <paramref name="context"/> holds of <paramref name="expected"/>, once, without retries.</summary>
    public static async Task<StoredSchema> ReadAsync(DbContext context, ExpectedSchema expected, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.ReadAsync(
            context,
            Sql,
            [SqlParameters.Texts(expected.Tables.Select(table => table.Reference)), SqlParameters.Texts(expected.Enums.Select(type => type.Reference))],
            reader => (IsTable: reader.GetString(0) == "table", Name: reader.GetString(1), Item: reader.IsDBNull(2) ? null : reader.GetString(2)),
            cancellationToken).ConfigureAwait(false);
        var (tables, enums) = (new Dictionary<string, HashSet<string>>(), new Dictionary<string, HashSet<string>>());
        foreach (var (isTable, name, item) in rows.Where(row => row.Item is not null))
        {
            var found = isTable ? tables : enums;
            if (!found.TryGetValue(name, out var items))
            {
                found[name] = items = new HashSet<string>(StringComparer.Ordinal);
            }

            items.Add(item!);
        }

        return new StoredSchema(tables, enums);
    }

    /// <summary>Returns the columns of the table <paramref name="reference"/>, or <see langword="null"/> when there is no such table.</summary>
    public IReadOnlySet<string>? ColumnsOf(string reference) => _tables.GetValueOrDefault(reference);

    /// <summary>Returns the labels of the enum type <paramref name="reference"/>, or <see langword="null"/> when there is no such type.</summary>
    public IReadOnlySet<string>? LabelsOf(string reference) => _enums.GetValueOrDefault(reference);
}
