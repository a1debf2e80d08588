using MetricSets;
using MetricSets.AspNetCore;
using MetricSets.AspNetCore.Endpoints;
using MetricSets.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

// In the namespace of MapGet and MapIdentityApi, so that Program.cs needs no using for it.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MetricSets HTTP API.</summary>
public static class MetricSetsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the MetricSets API under <paramref name="prefix"/>: <c>GET /catalog</c>, and under <c>/orgs/{orgId}</c> set
    /// resolution and management, recording, bulk import, deletion, history, last values, latest values, personal bests
    /// and leaderboards. Register the services first with <c>services.AddMetricSetsEndpoints()</c> (and the library's
    /// services, such as <c>AddMetricSets&lt;TContext&gt;()</c>, and an <see cref="IMembershipDirectory"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every organization-scoped endpoint acts for the viewer that <see cref="IMetricViewerResolver"/> resolves from the
    /// authenticated user (none: 401), and the library's access policy decides; a refusal answers 404 exactly like a
    /// missing resource. Errors are RFC 9457 problem details whose <c>type</c> is one of <see cref="MetricSetsProblemTypes"/>.
    /// </para>
    /// <para>
    /// The group is returned so that the host adds its own conventions: <c>RequireAuthorization()</c>,
    /// <c>RequireRateLimiting(…)</c>, <c>WithTags(…)</c>, output caching.
    /// </para>
    /// </remarks>
    /// <param name="endpoints">The application or a group.</param>
    /// <param name="prefix">The route prefix, such as <c>/api/metrics</c>; empty (the default) maps <c>/orgs/…</c> and <c>/catalog</c> at the root.</param>
    /// <returns>The group of every MetricSets endpoint.</returns>
    /// <exception cref="InvalidOperationException"><c>AddMetricSetsEndpoints</c> was not called.</exception>
    public static RouteGroupBuilder MapMetricSets(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<MetricSetsEndpointsMarker>() is null)
        {
            throw new InvalidOperationException(
                "MapMetricSets needs the endpoints' services: call services.AddMetricSetsEndpoints() when configuring the services.");
        }

        var group = endpoints.MapGroup(prefix).WithTags("MetricSets");
        CatalogEndpoints.Map(group);

        var org = group.MapGroup("/orgs/{orgId}")
            .AddEndpointFilter(RequestViewer.FilterAsync)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        MetricSetEndpoints.Map(org);
        MemberMetricEndpoints.Map(org);
        LeaderboardEndpoints.Map(org);
        return group;
    }
}
