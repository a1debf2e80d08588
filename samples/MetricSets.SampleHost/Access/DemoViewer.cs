namespace MetricSets.SampleHost.Access;

/// <summary>
/// DEMO AUTHENTICATION — NOT FOR PRODUCTION. The viewer's user id comes from the <c>X-Demo-User</c> header, and the role
/// from the membership directory for the organization in the route. A real host takes the user id from its
/// authentication (a validated token), never from a header the client controls.
/// </summary>
internal static class DemoViewer
{
    public const string Header = "X-Demo-User";

    /// <summary>Builds the viewer for a request scoped to <paramref name="organizationId"/>, or null without a usable header.</summary>
    public static async Task<MetricViewer?> ForAsync(HttpContext http, OrganizationId organizationId, IMembershipDirectory directory)
    {
        if (!Guid.TryParse(http.Request.Headers[Header], out var user) || user == Guid.Empty)
        {
            return null;
        }

        var userId = new UserId(user);
        var role = await directory.GetRoleAsync(userId, organizationId, http.RequestAborted);
        return role == ViewerRole.Staff ? MetricViewer.ForStaff(userId, organizationId) : MetricViewer.ForMember(userId, organizationId);
    }
}
