using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// What the database holds of an <see cref="ExpectedSchema"/>, read from pg_catalog in one statement: the columns of each
/// expected table, the labels of each expected enum type and the enabled triggers of each table that must have some, as
/// the connection's search path resolves their names (the same resolution the library's own SQL gets).
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
        UNION ALL
        SELECT 'trigger', r.name, g.tgname::text
        FROM unnest(@p3::text[]) AS r(name)
        LEFT JOIN pg_catalog.pg_trigger AS g ON g.tgrelid = to_regclass(r.name) AND NOT g.tgisinternal AND g.tgenabled <> 'D'
        """;

    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _items;

    private StoredSchema(Dictionary<string, Dictionary<string, HashSet<string>>> items) => _items = items;

    /// <summary>Reads what the database of <paramref name="context"/> holds of <paramref name="expected"/>, once, without retries.</summary>
    public static async Task<StoredSchema> ReadAsync(DbContext context, ExpectedSchema expected, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.ReadAsync(
            context,
            Sql,
            [
                SqlParameters.Texts(expected.Tables.Select(table => table.Reference)),
                SqlParameters.Texts(expected.Enums.Select(type => type.Reference)),
                SqlParameters.Texts(expected.Triggers.Select(table => table.Reference)),
            ],
            reader => (Kind: reader.GetString(0), Name: reader.GetString(1), Item: reader.IsDBNull(2) ? null : reader.GetString(2)),
            cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var (kind, name, item) in rows.Where(row => row.Item is not null))
        {
            var ofKind = found.TryGetValue(kind, out var existing) ? existing : found[kind] = [];
            var items = ofKind.TryGetValue(name, out var set) ? set : ofKind[name] = new HashSet<string>(StringComparer.Ordinal);
            items.Add(item!);
        }

        return new StoredSchema(found);
    }

    /// <summary>Returns the columns of the table <paramref name="reference"/>, or <see langword="null"/> when there is no such table.</summary>
    public IReadOnlySet<string>? ColumnsOf(string reference) => ItemsOf("table", reference);

    /// <summary>Returns the labels of the enum type <paramref name="reference"/>, or <see langword="null"/> when there is no such type.</summary>
    public IReadOnlySet<string>? LabelsOf(string reference) => ItemsOf("enum", reference);

    /// <summary>Returns the enabled triggers of the table <paramref name="reference"/> (none when there is no such table).</summary>
    public IReadOnlySet<string> TriggersOf(string reference) => ItemsOf("trigger", reference) ?? new HashSet<string>();

    private HashSet<string>? ItemsOf(string kind, string reference) => _items.GetValueOrDefault(kind)?.GetValueOrDefault(reference);
}
