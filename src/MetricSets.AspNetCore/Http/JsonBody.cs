using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetricSets.AspNetCore.Http;

/// <summary>
/// Reads a JSON body with the host's serializer options. The endpoints read bodies themselves (and declare them with
/// <c>Accepts</c>) because a body minimal APIs cannot bind is answered with an empty 400; here it is a problem naming the
/// JSON path of what was wrong, such as <c>value.unit</c> or <c>rows[3].value</c>.
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpContext http)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            throw new MetricValidationException("body", null, "The request body must be JSON (Content-Type: application/json).");
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(options, http.RequestAborted).ConfigureAwait(false)
                ?? throw new MetricValidationException("body", null, "The request body is null; send a JSON object.");
        }
        catch (JsonException error)
        {
            // The path names the field; the message says what is wrong with it (our converters name the rule).
            var path = error.Path is { Length: > 1 } jsonPath ? jsonPath.TrimStart('$').TrimStart('.') : "body";
            var reason = error.InnerException is MetricValidationException validation ? validation.Message : error.Message;
            throw new MetricValidationException(path.Length == 0 ? "body" : path, null, $"The request body is not valid JSON for this endpoint: {reason}", error);
        }
    }
}
