using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MetricSets.AspNetCore.Http;

/// <summary>What a request asks for besides its parameters: the language of names and the unit preference.</summary>
internal static class RequestOptions
{
    /// <summary>
    /// The most preferred well-formed language of <c>Accept-Language</c> (by quality, then order), or
    /// <see cref="LocalizedName.FallbackLanguage"/>. A name falls back from <c>he-IL</c> to <c>he</c> to the default.
    /// </summary>
    public static string Language(HttpRequest request)
    {
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                if (language.Value.Value is { } tag && tag != "*" && TryNormalize(tag) is { } normalized)
                {
                    return normalized;
                }
            }
        }

        return LocalizedName.FallbackLanguage;
    }

    /// <summary>Marks a response whose names depend on <c>Accept-Language</c>.</summary>
    public static void SetLanguage(HttpResponse response, string language)
    {
        response.Headers.ContentLanguage = language;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
    }

    /// <summary>Parses <c>units=metric|imperial|definition</c> (absent: the definition's unit).</summary>
    /// <exception cref="MetricValidationException">Another value; the problem names <c>units</c>.</exception>
    public static UnitPreference Units(string? units) => units switch
    {
        null or "" or "definition" => UnitPreference.DefinitionUnit,
        "metric" => UnitPreference.Metric,
        "imperial" => UnitPreference.Imperial,
        _ => throw new MetricValidationException("units", units, "The unit preference must be metric, imperial or definition."),
    };

    private static string? TryNormalize(string tag)
    {
        try
        {
            return LocalizedName.NormalizeLanguageTag(tag);
        }
        catch (MetricValidationException)
        {
            return null;
        }
    }
}
