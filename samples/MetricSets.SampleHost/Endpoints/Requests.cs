using Microsoft.Net.Http.Headers;

namespace MetricSets.SampleHost.Endpoints;

/// <summary>Small request-reading helpers shared by the endpoints.</summary>
internal static class Requests
{
    /// <summary>The first well-formed language of <c>Accept-Language</c> (quality ignored), or <c>en</c>.</summary>
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

    /// <summary>Parses <c>units=metric|imperial|definition</c>; a wrong value is a validation error naming the parameter.</summary>
    public static UnitPreference Units(string? units) => units?.ToLowerInvariant() switch
    {
        null or "" or "definition" => UnitPreference.DefinitionUnit,
        "metric" => UnitPreference.Metric,
        "imperial" => UnitPreference.Imperial,
        _ => throw new MetricValidationException("units", units, $"'{units}' is not a unit preference; use metric, imperial or definition."),
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
