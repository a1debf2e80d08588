using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MetricSets.AspNetCore;

/// <summary>
/// The default <see cref="IMetricViewerResolver"/>: the user id is the first GUID among the authenticated user's claims of
/// <see cref="MetricSetsEndpointOptions.UserIdClaimTypes"/>, the organization is the route's, and the viewer claims staff
/// there.
/// </summary>
/// <remarks>
/// <para>
/// The claim is a claim, not a grant: the library's access policy confirms every claimed role against the host's
/// memberships on every call (its isolation matrix includes false claims), and on a member's own values the claim makes
/// no difference — the member reads, records and deletes their own as themself. Claiming rather than looking the role
/// up saves the round trip a lookup would cost, so with mapped memberships a request stays one statement.
/// </para>
/// <para>
/// No role is read from a claim or a header. Hosts whose user ids are not GUIDs implement
/// <see cref="IMetricViewerResolver"/> themselves.
/// </para>
/// </remarks>
public sealed class ClaimsMetricViewerResolver : IMetricViewerResolver
{
    private readonly MetricSetsEndpointOptions _options;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The endpoint options (the claim types).</param>
    public ClaimsMetricViewerResolver(IOptions<MetricSetsEndpointOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public ValueTask<MetricViewer?> ResolveAsync(HttpContext context, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(
            context.User.Identity?.IsAuthenticated == true && FindUserId(context) is { } userId ? MetricViewer.ForStaff(userId, organizationId) : null);
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
