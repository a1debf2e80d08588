using System.Text.RegularExpressions;

namespace MetricSets;

/// <summary>The one rule behind <see cref="MetricSlug"/> and <see cref="MetricSource"/>: a bounded snake_case code.</summary>
internal static partial class SnakeCaseCode
{
    /// <summary>
    /// Returns <paramref name="value"/> when it is lowercase snake_case of 1 to <paramref name="maxLength"/> characters;
    /// otherwise throws a <see cref="MetricValidationException"/> that says which rule it broke.
    /// </summary>
    public static string Validate(string? value, int maxLength, string what, string parameterName) =>
        Problem(value, maxLength, what) is { } problem
            ? throw new MetricValidationException(parameterName, value, problem)
            : value!;

    /// <summary>Determines whether <paramref name="value"/> is lowercase snake_case of 1 to <paramref name="maxLength"/> characters.</summary>
    public static bool IsValid(string? value, int maxLength) => Problem(value, maxLength, string.Empty) is null;

    // Which rule value breaks, as a message, or null when it breaks none.
    private static string? Problem(string? value, int maxLength, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"A {what} must not be empty.";
        }

        if (value.Length > maxLength)
        {
            return $"The {what} '{value}' is {value.Length} characters long; the limit is {maxLength}.";
        }

        return Pattern().IsMatch(value)
            ? null
            : $"The {what} '{value}' is not lowercase snake_case: it must start with a letter a-z and contain only a-z, 0-9 and single underscores between words.";
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(?:_[a-z0-9]+)*\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
