using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MetricSets;

/// <summary>
/// Normalizes BCP 47 language tags of the form <c>language[-Script][-REGION]</c>, for example <c>he</c>,
/// <c>sr-Latn</c> or <c>pt-BR</c>, without depending on the host's ICU culture data.
/// </summary>
internal static partial class LanguageTag
{
    /// <summary>Returns the canonical casing of <paramref name="tag"/> (<c>PT-br</c> → <c>pt-BR</c>), or throws.</summary>
    public static string Normalize(string? tag, string parameterName) =>
        TryNormalize(tag, out var normalized)
            ? normalized
            : throw new MetricValidationException(
                parameterName,
                tag,
                $"'{tag}' is not a supported BCP 47 language tag: use language[-Script][-REGION], for example 'en', 'he', 'ru' or 'pt-BR'.");

    public static bool TryNormalize(string? tag, [NotNullWhen(true)] out string? normalized)
    {
        // A bare language in lowercase ("en", "he", "ru") is already canonical: the common case, and the one a resolved set
        // asks for on each of its names, so it is answered without a match to allocate.
        if (tag is { Length: 2 or 3 } && !tag.AsSpan().ContainsAnyExceptInRange('a', 'z'))
        {
            normalized = tag;
            return true;
        }

        var match = tag is null ? Match.Empty : Pattern().Match(tag);
        if (!match.Success)
        {
            normalized = null;
            return false;
        }

        var language = match.Groups["language"].Value.ToLowerInvariant();
        var script = match.Groups["script"].Value;
        var region = match.Groups["region"].Value.ToUpperInvariant();
        normalized = language
            + (script.Length > 0 ? "-" + char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant() : string.Empty)
            + (region.Length > 0 ? "-" + region : string.Empty);
        return true;
    }

    /// <summary>Returns the parent of a normalized tag (<c>he-IL</c> → <c>he</c>), or <see langword="null"/> for a bare language.</summary>
    public static string? Parent(string normalizedTag)
    {
        var lastDash = normalizedTag.LastIndexOf('-');
        return lastDash < 0 ? null : normalizedTag[..lastDash];
    }

    [GeneratedRegex(
        "^(?<language>[A-Za-z]{2,3})(?:-(?<script>[A-Za-z]{4}))?(?:-(?<region>[A-Za-z]{2}|[0-9]{3}))?\\z",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
