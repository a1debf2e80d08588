using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MetricSets.AspNetCore;

/// <summary>
/// The default <see cref="IMetricViewerResolver"/>: the user id is the first GUID among the authenticated user's claims of
/// <see cref="MetricSetsEndpointOptions.UserIdClaimTypes"/>, the organization is the route's, and the role claimed is the
/// one the host's <see cref="IMembershipDirectory"/> gives the user there (staff, or else member).
/// </summary>
/// <remarks>
/// No role is read from a claim or a header: the directory, the host's trust anchor, says it, and the access policy
/// confirms it again on every library call. A user who belongs nowhere is a member acting in the organization, and sees
/// only their own values. Hosts whose user ids are not GUIDs implement <see cref="IMetricViewerResolver"/> themselves.
/// </remarks>
public sealed class ClaimsMetricViewerResolver : IMetricViewerResolver
{
    private readonly IMembershipDirectory _directory;
    private readonly MetricSetsEndpointOptions _options;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="directory">The host's membership directory.</param>
    /// <param name="options">The endpoint options (the claim types).</param>
    public ClaimsMetricViewerResolver(IMembershipDirectory directory, IOptions<MetricSetsEndpointOptions> options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _directory = directory;
        _options = options.Value;
    }

    /// <inheritdoc />
    public async ValueTask<MetricViewer?> ResolveAsync(HttpContext context, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true || FindUserId(context) is not { } userId)
        {
            return null;
        }

        var role = await _directory.GetRoleAsync(userId, organizationId, cancellationToken).ConfigureAwait(false);
        return role == ViewerRole.Staff ? MetricViewer.ForStaff(userId, organizationId) : MetricViewer.ForMember(userId, organizationId);
    }

    private UserId? FindUserId(HttpContext context)
    {
        foreach (var claimType in _options.UserIdClaimTypes)
        {
            foreach (var claim in context.User.FindAll(claimType))
            {
                if (UserId.TryParse(claim.Value, out var userId) && !userId.IsEmpty)
                {
                    return userId;
                }
            }
        }

        return null;
    }
}
