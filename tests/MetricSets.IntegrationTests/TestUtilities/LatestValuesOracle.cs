using MetricSets.EntityFrameworkCore.Storage;
using Npgsql;

namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>
/// What <c>member_metrics_latest</c> must hold, computed here from every stored value by the domain's own rules, apart from
/// the triggers' SQL: per member, definition, organization (the nil uuid for none) and source ('' for none), the value
/// with the latest (recorded_at, id) among the plausible ones — a unit of the definition's dimension, an amount between 0
/// and the kind's plausible maximum in the base unit; and what each value's <c>base_amount</c> and <c>plausible</c> must be.
/// </summary>
public static class LatestValuesOracle
{
    /// <summary>
    /// Asserts that the table holds exactly what the stored values say, row for row, and that every stored value's
    /// <c>base_amount</c> and <c>plausible</c> are what the domain's rules say of it.
    /// </summary>
    public static async Task AssertKeptAsync(string connectionString)
    {
        var expected = await ExpectedAsync(connectionString);
        var stored = await StoredAsync(connectionString);
        Assert.Equal(expected, stored);
        Assert.Empty(await WronglyDecidedAsync(connectionString));
    }

    /// <summary>The stored values whose <c>base_amount</c> or <c>plausible</c> differ from the domain's rules, as text.</summary>
    public static async Task<List<string>> WronglyDecidedAsync(string connectionString) =>
        [
            .. (await ReadAsync(connectionString, """
                SELECT m.id, m.value, m.unit::text, d.kind::text, d.unit::text, m.base_amount, m.plausible
                FROM member_metrics AS m JOIN metric_definitions AS d ON d.id = m.definition_id
                """, reader => (
                    Id: reader.GetGuid(0),
                    Value: reader.GetDecimal(1),
                    Unit: Unit(reader.GetString(2)),
                    Kind: Kind(reader.GetString(3)),
                    DefinitionUnit: Unit(reader.GetString(4)),
                    BaseAmount: reader.GetDecimal(5),
                    Plausible: reader.GetBoolean(6))))
            .Where(value => value.BaseAmount != BaseAmount(value.Value, value.Unit)
                || value.Plausible != IsPlausible(value.Value, value.Unit, value.Kind, value.DefinitionUnit))
            .Select(value => $"{value.Id}: {value.Value} {value.Unit} of a {value.Kind} in {value.DefinitionUnit} stored as {value.BaseAmount}, plausible {value.Plausible}"),
        ];

    /// <summary>The rows the stored values call for, in key order.</summary>
    public static async Task<List<LatestRow>> ExpectedAsync(string connectionString)
    {
        var values = await ReadAsync(connectionString, """
            SELECT m.member_id, m.definition_id, m.organization_id, m.source, m.id, m.recorded_at, m.value, m.unit::text, d.kind::text, d.unit::text
            FROM member_metrics AS m JOIN metric_definitions AS d ON d.id = m.definition_id
            """, reader => (
                Row: new LatestRow(
                    reader.GetGuid(0),
                    reader.GetGuid(1),
                    reader.IsDBNull(2) ? Guid.Empty : reader.GetGuid(2),
                    reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                    reader.GetGuid(4),
                    reader.GetDateTime(5),
                    BaseAmount(reader.GetDecimal(6), Unit(reader.GetString(7)))),
                Plausible: IsPlausible(reader.GetDecimal(6), Unit(reader.GetString(7)), Kind(reader.GetString(8)), Unit(reader.GetString(9)))));
        return
        [
            .. values
                .Where(value => value.Plausible)
                .Select(value => value.Row)
                .GroupBy(row => (row.Member, row.Definition, row.Organization, row.Source))
                .Select(partition => partition.OrderByDescending(row => row.RecordedAt).ThenByDescending(row => row.MetricId.ToString("D"), StringComparer.Ordinal).First())
                .OrderBy(row => row.Key, StringComparer.Ordinal),
        ];
    }

    /// <summary>The rows the table holds, in key order.</summary>
    public static async Task<List<LatestRow>> StoredAsync(string connectionString) =>
        [
            .. (await ReadAsync(
                connectionString,
                "SELECT member_id, definition_id, organization_id, source, metric_id, recorded_at, base_amount FROM member_metrics_latest",
                reader => new LatestRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), reader.GetDateTime(5), reader.GetDecimal(6))))
            .OrderBy(row => row.Key, StringComparer.Ordinal),
        ];

    private static decimal BaseAmount(decimal amount, MetricUnit unit) => amount * unit.BaseFactor();

    // The definition's unit must be of one of the kind's dimensions, the value's of the same dimension, and the amount
    // in the base unit between 0 and the kind's maximum for that dimension.
    private static bool IsPlausible(decimal amount, MetricUnit unit, MetricKind kind, MetricUnit definitionUnit)
    {
        var dimension = definitionUnit.Dimension();
        return kind.AllowedDimensions().Contains(dimension)
            && unit.Dimension() == dimension
            && BaseAmount(amount, unit) is var amountInBase && amountInBase >= 0 && amountInBase <= kind.PlausibleMaximum(dimension);
    }

    private static MetricUnit Unit(string label) =>
        MetricUnitExtensions.TryParseSymbol(label, out var unit) ? unit : throw new InvalidOperationException($"unknown unit {label}");

    private static MetricKind Kind(string label) => (MetricKind)Array.IndexOf(PostgresEnumLabels.Kinds, label);

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A latest row: its key, the value it names, that value's time and its amount in the base unit.</summary>
    public sealed record LatestRow(Guid Member, Guid Definition, Guid Organization, string Source, Guid MetricId, DateTime RecordedAt, decimal BaseAmount)
    {
        public string Key => $"{Member:D}|{Definition:D}|{Organization:D}|{Source}";
    }
}
