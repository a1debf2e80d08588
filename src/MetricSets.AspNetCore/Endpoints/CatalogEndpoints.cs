using System.Security.Cryptography;
using System.Text.Json;
using MetricSets.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MetricSets.AspNetCore.Endpoints;

/// <summary>
/// The global catalogue, names in the request's language, with a strong <c>ETag</c> over the exact body: a client that
/// sends it back in <c>If-None-Match</c> gets 304 until a definition or the language changes.
/// </summary>
internal static class CatalogEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/catalog", CatalogAsync)
            .AddEndpointFilter(RequestViewer.AnonymousFilterAsync)
            .WithName("MetricSets.Catalog")
            .WithSummary("The global catalogue of metric definitions, names in the Accept-Language language.")
            .WithDescription("Answers a strong ETag; send it back in If-None-Match to get 304 Not Modified while the catalogue and the language are unchanged.")
            .Produces(StatusCodes.Status304NotModified);

    private static async Task<Results<Ok<List<CatalogEntryResponse>>, StatusCodeHttpResult>> CatalogAsync(
        HttpContext http, IMetricCatalog catalog, IOptions<JsonOptions> json)
    {
        var language = RequestOptions.Language(http.Request);
        var entries = (await catalog.ListAsync(http.RequestAborted).ConfigureAwait(false))
            .Select(definition => CatalogEntryResponse.From(definition, language))
            .ToList();

        // The tag hashes the very bytes a 200 would carry (language included), so it is strong.
        var body = JsonSerializer.SerializeToUtf8Bytes(entries, json.Value.SerializerOptions);
        var tag = new EntityTagHeaderValue($"\"{Base64Url(SHA256.HashData(body))}\"");
        RequestOptions.SetLanguage(http.Response, language);
        http.Response.Headers.ETag = tag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        return Matches(http.Request, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(entries);
    }

    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x"; * matches any current representation.
    private static bool Matches(HttpRequest request, EntityTagHeaderValue tag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var candidates)
        && candidates.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));

    private static string Base64Url(byte[] hash) => Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
