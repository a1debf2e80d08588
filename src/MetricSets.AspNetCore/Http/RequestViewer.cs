using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.AspNetCore.Http;

/// <summary>
/// The filter of the organization-scoped group: answers a request whose parameters could not be bound with a problem
/// (minimal APIs would answer an empty 400), resolves the viewer through <see cref="IMetricViewerResolver"/> (none: 401),
/// and answers any library error a handler let through as a problem.
/// </summary>
internal static class RequestViewer
{
    private static readonly object Key = new();

    /// <summary>The viewer the filter resolved for this request.</summary>
    public static MetricViewer Get(HttpContext http) =>
        http.Items[Key] as MetricViewer ?? throw new InvalidOperationException("No MetricSets viewer was resolved for this request; map the endpoints with MapMetricSets.");

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            if (http.Response.StatusCode == StatusCodes.Status400BadRequest)
            {
                throw BindingFailure.Describe(http);
            }

            if (!OrganizationId.TryParse(http.Request.RouteValues["orgId"] as string, out var organizationId) || organizationId.IsEmpty)
            {
                throw new MetricValidationException("orgId", null, "The organization id of the route must be a non-empty GUID.");
            }

            var resolver = http.RequestServices.GetRequiredService<IMetricViewerResolver>();
            if (await resolver.ResolveAsync(http, organizationId, http.RequestAborted).ConfigureAwait(false) is not { } viewer)
            {
                return Problems.Unauthenticated(http);
            }

            http.Items[Key] = viewer;
            return await next(context).ConfigureAwait(false);
        }
        catch (MetricSetsException error)
        {
            return Problems.For(http, error);
        }
    }

    /// <summary>The same, for endpoints that act for nobody (the catalogue): bindings and library errors only.</summary>
    public static async ValueTask<object?> AnonymousFilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return http.Response.StatusCode == StatusCodes.Status400BadRequest
                ? Problems.For(http, BindingFailure.Describe(http))
                : await next(context).ConfigureAwait(false);
        }
        catch (MetricSetsException error)
        {
            return Problems.For(http, error);
        }
    }
}
