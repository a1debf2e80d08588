using System.Collections.Frozen;

namespace MetricSets;

/// <summary>
/// Facts about each <see cref="MetricUnit"/>: its symbol, its dimension and its exact conversion factor.
/// </summary>
public static class MetricUnitExtensions
{
    // One row per unit: its symbol (also the PostgreSQL enum label and the JSON form), its display symbol (SI and
    // customary abbreviations, for people), its dimension, and how many of the dimension's base unit one of it is.
    // Every factor is an exact decimal: conversions never go through double.
    private static readonly FrozenDictionary<MetricUnit, (string Symbol, string DisplaySymbol, UnitDimension Dimension, decimal Factor)> Units =
        new Dictionary<MetricUnit, (string, string, UnitDimension, decimal)>
        {
            [MetricUnit.Kilogram] = ("kg", "kg", UnitDimension.Mass, 1m),
            [MetricUnit.Pound] = ("lb", "lb", UnitDimension.Mass, 0.45359237m),
            [MetricUnit.Percent] = ("%", "%", UnitDimension.Ratio, 1m),
            [MetricUnit.Second] = ("seconds", "s", UnitDimension.Time, 1m),
            [MetricUnit.Minute] = ("minutes", "min", UnitDimension.Time, 60m),
            [MetricUnit.Hour] = ("hours", "h", UnitDimension.Time, 3600m),
            [MetricUnit.Meter] = ("meters", "m", UnitDimension.Length, 1m),
            [MetricUnit.Kilometer] = ("kilometers", "km", UnitDimension.Length, 1000m),
            [MetricUnit.Centimeter] = ("centimeters", "cm", UnitDimension.Length, 0.01m),
            [MetricUnit.Mile] = ("miles", "mi", UnitDimension.Length, 1609.344m),
            [MetricUnit.Yard] = ("yards", "yd", UnitDimension.Length, 0.9144m),
            [MetricUnit.Foot] = ("feet", "ft", UnitDimension.Length, 0.3048m),
            [MetricUnit.Inch] = ("inches", "in", UnitDimension.Length, 0.0254m),
            [MetricUnit.Repetition] = ("reps", "reps", UnitDimension.Count, 1m),
            [MetricUnit.BeatsPerMinute] = ("bpm", "bpm", UnitDimension.Frequency, 1m),
            [MetricUnit.Watt] = ("watts", "W", UnitDimension.Power, 1m),
            [MetricUnit.Kilojoule] = ("kj", "kJ", UnitDimension.Energy, 1m),
            [MetricUnit.Kilocalorie] = ("kcal", "kcal", UnitDimension.Energy, 4.184m),
        }.ToFrozenDictionary();

    /// <summary>
    /// Gets the unit's symbol, for example <c>kg</c>, <c>%</c> or <c>seconds</c>. It is also the label of the unit in
    /// the PostgreSQL enum <c>metric_unit</c>.
    /// </summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="MetricValidationException"><paramref name="unit"/> is not a defined <see cref="MetricUnit"/>.</exception>
    public static string Symbol(this MetricUnit unit) => Row(unit).Symbol;

    /// <summary>
    /// Gets the unit's short display symbol, for people: <c>kg</c>, <c>lb</c>, <c>%</c>, <c>s</c>, <c>min</c>, <c>h</c>,
    /// <c>m</c>, <c>km</c>, <c>cm</c>, <c>mi</c>, <c>yd</c>, <c>ft</c>, <c>in</c>, <c>reps</c>, <c>bpm</c>, <c>W</c>,
    /// <c>kJ</c>, <c>kcal</c>.
    /// </summary>
    /// <remarks>
    /// Display only: <see cref="Symbol(MetricUnit)"/> stays the unit's one machine form (the PostgreSQL enum label, the
    /// JSON and text form, what <see cref="TryParseSymbol"/> reads), because stored rows and clients depend on it. Display
    /// symbols are unique too, but are never parsed.
    /// </remarks>
    /// <param name="unit">The unit.</param>
    /// <returns>The display symbol.</returns>
    /// <exception cref="MetricValidationException"><paramref name="unit"/> is not a defined <see cref="MetricUnit"/>.</exception>
    public static string DisplaySymbol(this MetricUnit unit) => Row(unit).DisplaySymbol;

    /// <summary>Gets the dimension the unit measures.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The dimension.</returns>
    /// <exception cref="MetricValidationException"><paramref name="unit"/> is not a defined <see cref="MetricUnit"/>.</exception>
    public static UnitDimension Dimension(this MetricUnit unit) => Row(unit).Dimension;

    /// <summary>Determines whether values in <paramref name="unit"/> can be converted to <paramref name="other"/>.</summary>
    /// <param name="unit">The unit converted from.</param>
    /// <param name="other">The unit converted to.</param>
    /// <returns><see langword="true"/> when both units measure the same dimension.</returns>
    public static bool IsConvertibleTo(this MetricUnit unit, MetricUnit other) => unit.Dimension() == other.Dimension();

    /// <summary>Gets every defined unit, in declaration order (the order of the PostgreSQL enum labels).</summary>
    public static IReadOnlyList<MetricUnit> All { get; } = Enum.GetValues<MetricUnit>();

    /// <summary>Finds the unit whose <see cref="Symbol(MetricUnit)"/> is <paramref name="symbol"/> (ordinal match).</summary>
    /// <param name="symbol">The symbol, for example <c>lb</c>.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when a unit has that symbol.</returns>
    public static bool TryParseSymbol(string? symbol, out MetricUnit unit)
    {
        foreach (var (candidate, row) in Units)
        {
            if (string.Equals(row.Symbol, symbol, StringComparison.Ordinal))
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    /// <summary>Returns the unit whose symbol is <paramref name="symbol"/>, or throws one error that lists the symbols.</summary>
    internal static MetricUnit ParseSymbol(string? symbol, string parameterName) =>
        TryParseSymbol(symbol, out var unit)
            ? unit
            : throw new MetricValidationException(
                parameterName, symbol, $"'{symbol}' is not a metric unit symbol; use one of: {string.Join(", ", All.Select(Symbol))}.");

    /// <summary>
    /// Gets how many of its dimension's base unit one <paramref name="unit"/> is, exactly: 1 for kg, s, m, %, reps, bpm,
    /// W and kJ; 0.45359237 for lb; 60 for minutes; 1,609.344 for miles; 4.184 for kcal.
    /// </summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The exact factor.</returns>
    public static decimal BaseFactor(this MetricUnit unit) => Row(unit).Factor;

    private static (string Symbol, string DisplaySymbol, UnitDimension Dimension, decimal Factor) Row(MetricUnit unit) =>
        Units.TryGetValue(unit, out var row)
            ? row
            : throw new MetricValidationException(nameof(unit), unit, $"{(int)unit} is not a defined metric unit.");
}
