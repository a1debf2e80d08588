using Microsoft.AspNetCore.Http;

namespace MetricSets.AspNetCore;

/// <summary>
/// The one seam between the host's authentication and the library: who is asking, for an organization-scoped request.
/// The default, <see cref="ClaimsMetricViewerResolver"/>, reads the user id from the authenticated
/// <see cref="System.Security.Claims.ClaimsPrincipal"/>; register another implementation (scoped) before or after
/// <c>AddMetricSetsEndpoints</c> to replace it.
/// </summary>
/// <remarks>
/// A viewer is a claim, not a grant: whatever role it claims, the library's access policy confirms it against the host's
/// <see cref="IMembershipDirectory"/> on every call, and answers a refusal exactly like a missing member. Never build the
/// viewer from a header or a query string the client controls.
/// </remarks>
public interface IMetricViewerResolver
{
    /// <summary>Resolves the viewer of a request to an organization's endpoints.</summary>
    /// <param name="context">The request; <see cref="HttpContext.User"/> is the authenticated user.</param>
    /// <param name="organizationId">The organization of the route.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The viewer, or <see langword="null"/> when the request has no authenticated user (the endpoint answers 401).</returns>
    ValueTask<MetricViewer?> ResolveAsync(HttpContext context, OrganizationId organizationId, CancellationToken cancellationToken);
}
