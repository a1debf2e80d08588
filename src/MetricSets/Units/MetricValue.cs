using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using MetricSets.Serialization;

namespace MetricSets;

/// <summary>
/// An amount in a <see cref="MetricUnit"/>, such as 102.5 kg or 225 lb, that fits the database column
/// <c>numeric(14,4)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Invariants: the absolute amount is below 10<sup>10</sup> (<see cref="MaxMagnitudeExclusive"/>) and has at most four
/// decimal places (<see cref="MaxDecimalPlaces"/>). <see cref="Of"/> <em>rejects</em> an amount with more decimals
/// rather than rounding it silently; <see cref="OfRounded"/> and <see cref="ConvertTo"/> round explicitly, half away from
/// zero, exactly as PostgreSQL rounds <c>numeric</c>.
/// </para>
/// <para>
/// Conversion uses exact decimal factors (1 lb = 0.45359237 kg) and never goes through <see cref="double"/>.
/// </para>
/// <para>
/// Equality is component-wise: two values are equal when their amounts are equal as decimals and their units are the
/// same. 225 lb equals 225.0 lb (decimal equality ignores trailing zeros, and so does the hash code), but 1 km and
/// 1,000 m are <em>not</em> equal, because they were recorded differently.
/// </para>
/// <para>
/// Ordering between values has no natural definition (1 km against 1,000 m; 5 kg against 5 m), so this type has no
/// <see cref="IComparable{T}"/> and no comparison operators. Compare quantities explicitly with
/// <see cref="Comparer.Quantity"/>, which orders and equates values of one dimension by their exact amount of the base
/// unit (225 lb is more than 100 kg; 1 km is the same quantity as 1,000 m), or with <see cref="IsEquivalentTo"/>.
/// </para>
/// <para>
/// Text: <see cref="ToString()"/> writes the amount in the invariant culture without trailing zeros, one space and the
/// unit's symbol, such as <c>102.5 kg</c>, <c>-3 %</c> or <c>1609.344 meters</c>; <see cref="Parse(string)"/> reads exactly
/// that form back (surrounding white space aside) in every culture. Text that is not of that form throws
/// <see cref="FormatException"/>; a well-formed value the model does not accept (more than four decimals, out of range)
/// throws <see cref="MetricValidationException"/>, as <see cref="Of"/> does. A <see cref="TypeConverter"/> converts from
/// and to that text (MVC, configuration).
/// </para>
/// <para>
/// JSON (<see cref="MetricValueJsonConverter"/>): an object <c>{"amount": 102.5, "unit": "kg"}</c> with a JSON number and
/// a unit symbol. The property names are always these (no naming policy applies) and are read case-insensitively; a
/// missing, repeated or unknown property, an amount with more than four decimals or out of range, or an unknown unit
/// throws <see cref="System.Text.Json.JsonException"/> with the reason.
/// </para>
/// <para>The default value of this type is zero kilograms.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
[JsonConverter(typeof(MetricValueJsonConverter))]
[TypeConverter(typeof(ParsableTypeConverter<MetricValue>))]
public readonly partial struct MetricValue : IEquatable<MetricValue>, ISpanFormattable, ISpanParsable<MetricValue>
{
    /// <summary>The bound on the absolute amount, exclusive: 10<sup>10</sup>, as <c>numeric(14,4)</c> allows.</summary>
    public const decimal MaxMagnitudeExclusive = 10_000_000_000m;

    /// <summary>The most decimal places an amount may have, as <c>numeric(14,4)</c> allows.</summary>
    public const int MaxDecimalPlaces = 4;

    // Every way in (Of, OfRounded, ConvertTo, TryParse) comes through here, so every value's amount is normalized.
    private MetricValue(decimal amount, MetricUnit unit)
    {
        Amount = Normalize(amount);
        Unit = unit;
    }

    /// <summary>
    /// Gets the amount, in <see cref="Unit"/>, normalized: without trailing zeros (<c>225</c>, not <c>225.0000</c>) and
    /// never a negative zero, however it was given or read back from <c>numeric(14,4)</c>, so that its
    /// <see cref="decimal.ToString()"/> and its JSON are the same on every path.
    /// </summary>
    public decimal Amount { get; }

    /// <summary>Gets the unit <see cref="Amount"/> is expressed in.</summary>
    public MetricUnit Unit { get; }

    /// <summary>Gets the dimension of <see cref="Unit"/>.</summary>
    public UnitDimension Dimension => Unit.Dimension();

    /// <summary>Returns the value <paramref name="amount"/> in <paramref name="unit"/>.</summary>
    /// <param name="amount">The amount: |amount| &lt; 10<sup>10</sup>, at most four decimal places.</param>
    /// <param name="unit">The unit of <paramref name="amount"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MetricValidationException">
    /// <paramref name="amount"/> is out of range or has more than four decimal places, or <paramref name="unit"/> is
    /// not a defined unit.
    /// </exception>
    public static MetricValue Of(decimal amount, MetricUnit unit)
    {
        _ = unit.Dimension(); // validates the unit
        if (!HasAllowedScale(amount))
        {
            throw new MetricValidationException(
                nameof(amount),
                amount,
                Invariant($"The amount {amount} {unit.Symbol()} has more than {MaxDecimalPlaces} decimal places; round it first (numeric(14,4)) or use MetricValue.OfRounded."));
        }

        return new MetricValue(EnsureInRange(amount, unit), unit);
    }

    /// <summary>
    /// Returns the value <paramref name="amount"/> in <paramref name="unit"/>, rounded to four decimal places half away
    /// from zero.
    /// </summary>
    /// <param name="amount">The amount: |amount| &lt; 10<sup>10</sup> after rounding.</param>
    /// <param name="unit">The unit of <paramref name="amount"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MetricValidationException">The rounded amount is out of range, or the unit is not defined.</exception>
    public static MetricValue OfRounded(decimal amount, MetricUnit unit) => Of(Round(amount), unit);

    /// <summary>
    /// Converts this value to <paramref name="targetUnit"/>, rounding the result to four decimal places half away from
    /// zero.
    /// </summary>
    /// <param name="targetUnit">A unit of the same <see cref="Dimension"/>.</param>
    /// <returns>The converted value; this value itself when the units are equal.</returns>
    /// <exception cref="IncompatibleUnitsException"><paramref name="targetUnit"/> measures another dimension.</exception>
    /// <exception cref="MetricValidationException">The converted amount does not fit <c>numeric(14,4)</c>.</exception>
    public MetricValue ConvertTo(MetricUnit targetUnit)
    {
        if (targetUnit == Unit)
        {
            return this;
        }

        EnsureConvertible(targetUnit);
        return new MetricValue(EnsureInRange(Round(BaseAmount / targetUnit.BaseFactor()), targetUnit), targetUnit);
    }

    /// <summary>Determines whether this value and <paramref name="other"/> are the same quantity, in any units.</summary>
    /// <param name="other">A value of the same dimension.</param>
    /// <returns><see langword="true"/> when both convert to the same exact amount of the dimension's base unit.</returns>
    /// <exception cref="IncompatibleUnitsException">The values measure different dimensions.</exception>
    public bool IsEquivalentTo(MetricValue other) => Comparer.Quantity.Compare(this, other) == 0;

    /// <summary>Determines whether this value has the same amount and unit as <paramref name="other"/>.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns><see langword="true"/> when they are equal. See the type documentation for a description of equality semantics.</returns>
    public bool Equals(MetricValue other) => Amount == other.Amount && Unit == other.Unit;

    /// <summary>Determines whether <paramref name="obj"/> is a <see cref="MetricValue"/> with the same amount and unit.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when they are equal. See the type documentation for a description of equality semantics.</returns>
    public override bool Equals(object? obj) => obj is MetricValue other && Equals(other);

    /// <summary>Returns a hash code consistent with <see cref="Equals(MetricValue)"/>: 225 lb and 225.0 lb hash alike.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Amount, Unit);


    /// <summary>Determines whether two values have equal amounts and equal units.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricValue left, MetricValue right) => left.Equals(right);

    /// <summary>Determines whether two values differ in amount or unit.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricValue left, MetricValue right) => !left.Equals(right);

    // The exact amount in the dimension's base unit; decimal keeps 28 significant digits, ample for 10^10 × 1609.344.
    private decimal BaseAmount => Amount * Unit.BaseFactor();

    private void EnsureConvertible(MetricUnit targetUnit)
    {
        if (!Unit.IsConvertibleTo(targetUnit))
        {
            throw new IncompatibleUnitsException(Unit, targetUnit, nameof(targetUnit));
        }
    }

    // Dividing by one with 28 decimal places yields the quotient at the smallest scale that holds it exactly: 225.0000
    // becomes 225 and 102.50 becomes 102.5. A zero of any sign becomes the positive zero.
    private static decimal Normalize(decimal amount) =>
        amount == 0m ? 0m : amount / 1.0000000000000000000000000000m;

    private static decimal Round(decimal amount) => decimal.Round(amount, MaxDecimalPlaces, MidpointRounding.AwayFromZero);

    private static bool HasAllowedScale(decimal amount) => decimal.Round(amount, MaxDecimalPlaces) == amount;

    private static bool IsInRange(decimal amount) => Math.Abs(amount) < MaxMagnitudeExclusive;

    private static decimal EnsureInRange(decimal amount, MetricUnit unit) =>
        IsInRange(amount)
            ? amount
            : throw new MetricValidationException(
                nameof(amount),
                amount,
                Invariant($"The amount {amount} {unit.Symbol()} is out of range: its absolute value must be below 10^10 (numeric(14,4))."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
