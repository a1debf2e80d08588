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
    /// <remarks>
    /// With provenance, <c>member_metrics.base_amount</c> is a stored generated column of this same expression, which reads
    /// name instead (<see cref="MetricSetsTables.BaseAmount"/>).
    /// </remarks>
    public static string BaseAmount(string alias) => BaseAmount($"{alias}.value", $"{alias}.unit");

    /// <summary>The exact amount of <paramref name="amount"/> in <paramref name="unit"/> (SQL expressions), in the dimension's base unit.</summary>
    public static string BaseAmount(string amount, string unit) =>
        $"({amount} * CASE {unit} "
        + string.Join(' ', MetricUnitExtensions.All.Select(u => $"WHEN '{u.Symbol()}' THEN {u.BaseFactor().ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
        + " END)";

    /// <summary>
    /// The rows a read may report, as SQL over a value (<paramref name="alias"/>) and its definition
    /// (<paramref name="definition"/>): a unit of the definition's dimension and an amount within the kind's plausible range
    /// (<see cref="MetricKindExtensions.PlausibleMaximum"/>), compared in the base unit. Rows written by other tools that
    /// break these rules are left out of every read rather than failing it, so one bad row cannot break a leaderboard. With
    /// provenance the triggers store this decision in <c>member_metrics.plausible</c>, and reads test that column instead
    /// (<see cref="MetricSetsTables.Plausible(string, string)"/>).
    /// </summary>
    /// <remarks>
    /// Written as a <c>CASE</c> that yields the boolean rather than as a <c>BETWEEN</c>: the planner gives a range over an
    /// expression a selectivity of 0.5 %, then expects no row to survive and reads a member's whole history to sort it,
    /// where a <c>CASE</c> keeps its neutral 50 % and the ordered index probe that stops at the first row.
    /// </remarks>
    public static string Plausible(string alias, string definition) => Plausible(alias, $"{definition}.kind", $"{definition}.unit");

    /// <summary>As <see cref="Plausible(string, string)"/>, with the definition's kind and unit given as SQL expressions.</summary>
    public static string Plausible(string alias, string kind, string unit) =>
        $"(CASE WHEN {BaseAmount(alias)} BETWEEN 0 AND CASE "
        + string.Join(' ', Rules().Select(rule => $"WHEN {kind} = '{rule.Kind}' AND {unit} IN ({rule.Units}) AND {alias}.unit IN ({rule.Units}) THEN {rule.Maximum}"))
        + " END THEN true ELSE false END)";

    /// <summary>
    /// The units a value of a definition of <paramref name="kind"/> in <paramref name="unit"/> (SQL expressions) may be
    /// recorded in, as an array of <paramref name="unitType"/>, or NULL when the kind does not measure that unit's
    /// dimension: the expression of the flat reads' generated <c>metric_definitions.plausible_units</c>.
    /// </summary>
    public static string DefinitionUnits(string kind, string unit, string unitType) =>
        "CASE " + string.Join(' ', Rules().Select(rule => $"WHEN {kind} = '{rule.Kind}' AND {unit} IN ({rule.Units}) THEN ARRAY[{rule.Units}]::{unitType}[]")) + " END";

    /// <summary>
    /// The plausible maximum, in the base unit, of a definition of <paramref name="kind"/> in <paramref name="unit"/> (SQL
    /// expressions), or NULL as for <see cref="DefinitionUnits"/>: the expression of <c>metric_definitions.plausible_maximum</c>.
    /// </summary>
    public static string DefinitionMaximum(string kind, string unit) =>
        "CASE " + string.Join(' ', Rules().Select(rule => $"WHEN {kind} = '{rule.Kind}' AND {unit} IN ({rule.Units}) THEN {rule.Maximum}")) + " END";

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
                Source = SourceOf(reader, ordinal + 4),
                RecordedIn = reader.IsDBNull(ordinal + 5) ? null : new OrganizationId(reader.GetGuid(ordinal + 5)),
            };

    /// <summary>The stored source, or <see langword="null"/> when there is none or it is not a valid code (written by another tool).</summary>
    public static MetricSource? SourceOf(DbDataReader reader, int ordinal) =>
        !reader.IsDBNull(ordinal) && MetricSource.TryParse(reader.GetString(ordinal), out var source) ? source : null;

    // Each kind with each dimension it allows: the kind's label, the dimension's units as a SQL list, the maximum.
    private static IEnumerable<(string Kind, string Units, string Maximum)> Rules() =>
        from kind in MetricKindExtensions.All
        from dimension in kind.AllowedDimensions()
        select (
            Storage.PostgresEnumLabels.Kinds[(int)kind],
            string.Join(", ", MetricUnitExtensions.All.Where(unit => unit.Dimension() == dimension).Select(unit => $"'{unit.Symbol()}'")),
            kind.PlausibleMaximum(dimension).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
