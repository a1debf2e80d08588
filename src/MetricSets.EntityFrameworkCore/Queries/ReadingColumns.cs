using NodaTime;
using System.Data.Common;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// How a row of the six reading columns (<see cref="MetricSetsTables.ReadingColumns"/>) turns into a
/// <see cref="MetricReading"/>, and the exact base-unit amount in SQL.
/// </summary>
internal static class ReadingColumns
{
    /// <summary>How many columns a reading spans.</summary>
    public const int Count = 6;

    /// <summary>
    /// The exact amount in the dimension's base unit, as SQL: <c>value * CASE unit WHEN 'lb' THEN 0.45359237 … END</c>.
    /// Factors come from the domain, so SQL and C# rank alike.
    /// </summary>
    public static string BaseAmount(string alias) =>
        $"({alias}.value * CASE {alias}.unit "
        + string.Join(' ', MetricUnitExtensions.All.Select(unit => $"WHEN '{unit.Symbol()}' THEN {unit.BaseFactor().ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
        + " END)";

    /// <summary>Reads the six columns starting at <paramref name="ordinal"/>, or <see langword="null"/> when the id is NULL (no row).</summary>
    public static MetricReading? Read(DbDataReader reader, int ordinal, UserId memberId, MetricDefinitionId definitionId) =>
        reader.IsDBNull(ordinal)
            ? null
            : new MetricReading
            {
                Id = new MemberMetricId(reader.GetGuid(ordinal)),
                MemberId = memberId,
                DefinitionId = definitionId,
                Value = MetricValue.Of(reader.GetDecimal(ordinal + 1), reader.GetFieldValue<MetricUnit>(ordinal + 2)),
                RecordedAt = reader.GetFieldValue<Instant>(ordinal + 3),
                Source = reader.IsDBNull(ordinal + 4) ? null : MetricSource.Parse(reader.GetString(ordinal + 4)),
                RecordedIn = reader.IsDBNull(ordinal + 5) ? null : new OrganizationId(reader.GetGuid(ordinal + 5)),
            };
}
