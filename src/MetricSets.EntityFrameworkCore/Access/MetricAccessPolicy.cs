namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The one place that decides whether a <see cref="MetricViewer"/> may read member metrics. Deny by default: a member
/// sees their own values; staff of an organization see the values of that organization's active members; nothing else.
/// The viewer's claimed role grants nothing unless the host's <see cref="IMembershipDirectory"/> confirms it.
/// </summary>
/// <remarks>
/// A refusal is a <see cref="MetricNotFoundException"/> for the member (or organization) asked about: exactly what a
/// missing one produces, so errors are no existence oracle.
/// </remarks>
internal sealed class MetricAccessPolicy(IMembershipDirectory directory)
{
    /// <summary>Throws unless <paramref name="viewer"/> may read <paramref name="memberId"/>'s values.</summary>
    public async Task EnsureCanReadMemberAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.UserId == memberId)
        {
            return;
        }

        if (viewer.OrganizationId is { } organization
            && await IsConfirmedStaffAsync(viewer, organization, cancellationToken).ConfigureAwait(false)
            && await directory.IsActiveMemberAsync(memberId, organization, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        throw new MetricNotFoundException("member", memberId);
    }

    /// <summary>
    /// Returns the active members of <paramref name="organizationId"/> when <paramref name="viewer"/> is confirmed staff
    /// of it and acts in it; throws otherwise.
    /// </summary>
    public async Task<IReadOnlyCollection<UserId>> MembersVisibleInAsync(
        MetricViewer viewer, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.OrganizationId != organizationId || !await IsConfirmedStaffAsync(viewer, organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException("organization", organizationId);
        }

        return await directory.ListActiveMembersAsync(organizationId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> IsConfirmedStaffAsync(MetricViewer viewer, OrganizationId organization, CancellationToken cancellationToken) =>
        viewer.Role == ViewerRole.Staff
        && await directory.GetRoleAsync(viewer.UserId, organization, cancellationToken).ConfigureAwait(false) == ViewerRole.Staff;
}
