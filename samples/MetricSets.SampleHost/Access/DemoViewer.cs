namespace MetricSets.SampleHost.Access;

/// <summary>
/// DEMO AUTHENTICATION — NOT FOR PRODUCTION. The viewer of an organization-scoped request: the user id comes from the
/// <c>X-Demo-User</c> header, the organization from the route, and the role from the membership directory. A real host
/// takes the user id from its authentication (a validated token), never from a header the client controls.
/// </summary>
/// <param name="Viewer">The viewer to pass to the library.</param>
internal sealed record DemoViewer(MetricViewer Viewer)
{
    public const string Header = "X-Demo-User";

    /// <summary>Binds the viewer of a request to <c>/orgs/{orgId}/…</c>; minimal APIs call this for handler parameters.</summary>
    /// <exception cref="DemoAuthenticationException">The request does not say who is asking.</exception>
    public static async ValueTask<DemoViewer?> BindAsync(HttpContext http)
    {
        if (!Guid.TryParse(http.Request.Headers[Header], out var user) || user == Guid.Empty)
        {
            throw new DemoAuthenticationException();
        }

        var organizationId = new OrganizationId(Guid.Parse((string)http.Request.RouteValues["orgId"]!));
        var userId = new UserId(user);
        var directory = http.RequestServices.GetRequiredService<IMembershipDirectory>();
        var role = await directory.GetRoleAsync(userId, organizationId, http.RequestAborted);
        return new DemoViewer(
            role == ViewerRole.Staff ? MetricViewer.ForStaff(userId, organizationId) : MetricViewer.ForMember(userId, organizationId));
    }
}

/// <summary>DEMO: a request without the <c>X-Demo-User</c> header; answered with 401.</summary>
internal sealed class DemoAuthenticationException()
    : Exception($"DEMO authentication: send the viewer's user id in the {DemoViewer.Header} header.");
