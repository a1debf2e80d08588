using System.Text.RegularExpressions;

namespace MetricSets;

/// <summary>The one rule behind <see cref="MetricSlug"/> and <see cref="MetricSource"/>: a bounded snake_case code.</summary>
internal static partial class SnakeCaseCode
{
    /// <summary>
    /// Returns <paramref name="value"/> when it is lowercase snake_case of 1 to <paramref name="maxLength"/> characters;
    /// otherwise throws a <see cref="MetricValidationException"/> that says which rule it broke.
    /// </summary>
    public static string Validate(string? value, int maxLength, string what, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new MetricValidationException(parameterName, value, $"A {what} must not be empty.");
        }

        if (value.Length > maxLength)
        {
            throw new MetricValidationException(
                parameterName, value, $"The {what} '{value}' is {value.Length} characters long; the limit is {maxLength}.");
        }

        if (!Pattern().IsMatch(value))
        {
            throw new MetricValidationException(
                parameterName,
                value,
                $"The {what} '{value}' is not lowercase snake_case: it must start with a letter a-z and contain only a-z, 0-9 and single underscores between words.");
        }

        return value;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(?:_[a-z0-9]+)*\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
