using Microsoft.AspNetCore.Http;

namespace MetricSets.AspNetCore.Http;

/// <summary>
/// Describes why minimal APIs could not bind a request's parameters (they set 400 and run the filters, not the handler):
/// an id of the route that is not a GUID, or else a query parameter not of its type.
/// </summary>
internal static class BindingFailure
{
    public static MetricValidationException Describe(HttpContext http)
    {
        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (name.EndsWith("Id", StringComparison.Ordinal) && !Guid.TryParse(value as string, out _))
            {
                return new MetricValidationException(name, null, $"The route parameter '{name}' must be a GUID.");
            }
        }

        return new MetricValidationException("query", null, "A query parameter is not of its type (a number, a date and time with its offset, or a GUID).");
    }
}
