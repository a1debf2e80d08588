using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MetricSets;

public readonly partial struct MetricValue
{
    // The amount is normalized (no trailing zeros, no negative zero), so its invariant text needs no format.
    private string AmountText => Amount.ToString(CultureInfo.InvariantCulture);

    private const NumberStyles AmountStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Returns the amount and the unit symbol in the invariant culture, for example <c>102.5 kg</c>.</summary>
    /// <returns>The value as text, which <see cref="Parse(string)"/> reads back.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AmountText} {Unit.Symbol()}");

    /// <summary>Returns the value as <see cref="ToString()"/> does.</summary>
    /// <param name="format"><see langword="null"/>, empty or <c>G</c>: the one text form.</param>
    /// <param name="formatProvider">Ignored: the text is the same in every culture.</param>
    /// <returns>The value as text, for example <c>102.5 kg</c>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        EnsureGeneralFormat(format);
        return ToString();
    }

    /// <summary>Writes the value into <paramref name="destination"/> as <see cref="ToString()"/> does.</summary>
    /// <param name="destination">The characters to write to.</param>
    /// <param name="charsWritten">How many characters were written; zero when <paramref name="destination"/> is too small.</param>
    /// <param name="format">Empty or <c>G</c>: the one text form.</param>
    /// <param name="provider">Ignored: the text is the same in every culture.</param>
    /// <returns><see langword="true"/> when <paramref name="destination"/> was large enough.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        EnsureGeneralFormat(format);
        return destination.TryWrite(CultureInfo.InvariantCulture, $"{AmountText} {Unit.Symbol()}", out charsWritten);
    }

    /// <summary>Parses text of the form <see cref="ToString()"/> writes, such as <c>102.5 kg</c>.</summary>
    /// <param name="s">An amount in the invariant culture (digits, an optional sign and decimal point), one space and a unit symbol.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not of that form, or names no unit.</exception>
    /// <exception cref="MetricValidationException">The amount has more than four decimal places or is out of range.</exception>
    public static MetricValue Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses text of the form <see cref="ToString()"/> writes, as <see cref="Parse(string)"/> does.</summary>
    /// <param name="s">The text, such as <c>102.5 kg</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not of that form, or names no unit.</exception>
    /// <exception cref="MetricValidationException">The amount has more than four decimal places or is out of range.</exception>
    public static MetricValue Parse(ReadOnlySpan<char> s) =>
        TryParseParts(s, out var amount, out var unit)
            ? Of(amount, unit)
            : throw new FormatException(
                $"'{s}' is not a metric value: expected an amount in the invariant culture, one space and a unit symbol, such as '102.5 kg' or '-3 %' (symbols: {string.Join(", ", MetricUnitExtensions.All.Select(MetricUnitExtensions.Symbol))}).");

    /// <summary>Tries to parse text of the form <see cref="ToString()"/> writes, such as <c>102.5 kg</c>.</summary>
    /// <param name="s">The text; <see langword="null"/> is not a value.</param>
    /// <param name="result">The value, or the default value when the text is not an acceptable value.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is of that form and <see cref="Of"/> would accept it.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out MetricValue result) =>
        TryParse(s.AsSpan(), out result);

    /// <summary>Tries to parse text of the form <see cref="ToString()"/> writes, such as <c>102.5 kg</c>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The value, or the default value when the text is not an acceptable value.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is of that form and <see cref="Of"/> would accept it.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out MetricValue result)
    {
        var valid = TryParseParts(s, out var amount, out var unit) && HasAllowedScale(amount) && IsInRange(amount);
        result = valid ? new MetricValue(amount, unit) : default;
        return valid;
    }

    // The members of ISpanParsable serve ASP.NET Core binding and generic code. They are explicit so that a call to
    // Parse(string) does not trip CA1305 in the host (the text ignores the provider); they throw what Parse throws.
    static MetricValue IParsable<MetricValue>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static MetricValue ISpanParsable<MetricValue>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<MetricValue>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MetricValue result) =>
        TryParse(s, out result);

    static bool ISpanParsable<MetricValue>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MetricValue result) =>
        TryParse(s, out result);

    // "<amount> <symbol>": an invariant decimal without exponent or group separators, exactly one space, a known symbol.
    private static bool TryParseParts(ReadOnlySpan<char> text, out decimal amount, out MetricUnit unit)
    {
        text = text.Trim();
        var space = text.IndexOf(' ');
        unit = default;
        amount = 0;
        return space >= 0
            && decimal.TryParse(text[..space], AmountStyles, CultureInfo.InvariantCulture, out amount)
            && MetricUnitExtensions.TryParseSymbol(text[(space + 1)..].ToString(), out unit);
    }

    private static void EnsureGeneralFormat(ReadOnlySpan<char> format)
    {
        if (!(format.IsEmpty || format is "G"))
        {
            throw new FormatException($"The format '{format}' is not supported by MetricValue: it has one text form; use null, \"\" or \"G\".");
        }
    }
}
