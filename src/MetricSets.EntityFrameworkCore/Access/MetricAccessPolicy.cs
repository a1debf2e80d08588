namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The one place that decides what a <see cref="MetricViewer"/> may read or write. Deny by default; the rules:
/// <list type="bullet">
/// <item>A member reads and records their own values, and manages their own member-owned sets.</item>
/// <item>
/// Staff acting in organization O (confirmed by the host's <see cref="IMembershipDirectory"/>; the claimed role alone grants
/// nothing) read and record the values of O's active members, and nothing of non-members; with
/// <see cref="MemberMetricProvenance.Restrict"/>, only values recorded in O plus the member's self-reports.
/// </item>
/// <item>
/// Organization-owned and workout-owned sets are visible only inside their organization (a workout's organization comes
/// from the directory), to anyone holding a confirmed role there, and are managed by its staff.
/// </item>
/// <item>Member-owned sets are visible to and managed by the member and the staff of organizations the member belongs to.</item>
/// </list>
/// </summary>
/// <remarks>
/// A refusal is a <see cref="MetricNotFoundException"/> naming what was asked for: exactly what a missing one produces,
/// so errors are no existence oracle.
/// </remarks>
internal sealed class MetricAccessPolicy(IMembershipDirectory directory)
{
    /// <summary>
    /// Throws unless <paramref name="viewer"/> may read <paramref name="memberId"/>'s values; returns the organization
    /// the viewer's reads are confined to under restricted provenance, or <see langword="null"/> for all of them.
    /// </summary>
    public async Task<OrganizationId?> ReadMemberAsync(
        MetricViewer viewer, UserId memberId, MemberMetricProvenance provenance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.UserId == memberId)
        {
            return null;
        }

        var organization = await StaffOfMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false)
            ?? throw new MetricNotFoundException("member", memberId);
        return provenance == MemberMetricProvenance.Restrict ? organization : null;
    }

    /// <summary>
    /// Throws unless <paramref name="actor"/> may record a value for <paramref name="memberId"/>; returns the organization
    /// the value is recorded in (the actor's confirmed organization), or <see langword="null"/>.
    /// </summary>
    public async Task<OrganizationId?> RecordForMemberAsync(MetricViewer actor, UserId memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId == memberId)
        {
            if (actor.OrganizationId is not { } organization)
            {
                return null;
            }

            // A member may record "in" an organization only if they belong to it.
            return await directory.GetRoleAsync(actor.UserId, organization, cancellationToken).ConfigureAwait(false) is not null
                ? organization
                : throw new MetricNotFoundException("organization", organization);
        }

        return await StaffOfMemberAsync(actor, memberId, cancellationToken).ConfigureAwait(false)
            ?? throw new MetricNotFoundException("member", memberId);
    }

    /// <summary>
    /// Returns the active members of <paramref name="organizationId"/> and the confinement of the viewer's reads when
    /// <paramref name="viewer"/> is confirmed staff acting in it; throws otherwise, before listing anyone.
    /// </summary>
    public async Task<(IReadOnlyCollection<UserId> Members, OrganizationId? ConfinedTo)> ReadOrganizationAsync(
        MetricViewer viewer, OrganizationId organizationId, MemberMetricProvenance provenance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.OrganizationId != organizationId || !await IsConfirmedStaffAsync(viewer, organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException("organization", organizationId);
        }

        var members = await directory.ListActiveMembersAsync(organizationId, cancellationToken).ConfigureAwait(false);
        return (members, provenance == MemberMetricProvenance.Restrict ? organizationId : null);
    }

    /// <summary>Determines whether <paramref name="viewer"/> may see a set owned by <paramref name="owner"/>.</summary>
    public Task<bool> CanSeeSetAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Match(
            member => CanActForMemberAsync(viewer, member, cancellationToken),
            workout => HasRoleInWorkoutOrganizationAsync(viewer, workout, staffOnly: false, cancellationToken),
            organization => HasRoleInAsync(viewer, organization, staffOnly: false, cancellationToken));
    }

    /// <summary>Determines whether <paramref name="actor"/> may create, change or delete a set owned by <paramref name="owner"/>.</summary>
    public Task<bool> CanManageSetAsync(MetricViewer actor, MetricOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Match(
            member => CanActForMemberAsync(actor, member, cancellationToken),
            workout => HasRoleInWorkoutOrganizationAsync(actor, workout, staffOnly: true, cancellationToken),
            organization => HasRoleInAsync(actor, organization, staffOnly: true, cancellationToken));
    }

    private async Task<bool> CanActForMemberAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken) =>
        viewer.UserId == memberId || await StaffOfMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false) is not null;

    // The organization in which the viewer is confirmed staff and the member an active member, or null.
    private async Task<OrganizationId?> StaffOfMemberAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken) =>
        viewer.OrganizationId is { } organization
        && await IsConfirmedStaffAsync(viewer, organization, cancellationToken).ConfigureAwait(false)
        && await directory.IsActiveMemberAsync(memberId, organization, cancellationToken).ConfigureAwait(false)
            ? organization
            : null;

    private async Task<bool> HasRoleInWorkoutOrganizationAsync(MetricViewer viewer, WorkoutId workoutId, bool staffOnly, CancellationToken cancellationToken) =>
        viewer.OrganizationId is not null
        && await directory.GetWorkoutOrganizationAsync(workoutId, cancellationToken).ConfigureAwait(false) is { } organization
        && await HasRoleInAsync(viewer, organization, staffOnly, cancellationToken).ConfigureAwait(false);

    private async Task<bool> HasRoleInAsync(MetricViewer viewer, OrganizationId organization, bool staffOnly, CancellationToken cancellationToken)
    {
        if (viewer.OrganizationId != organization)
        {
            return false;
        }

        return staffOnly
            ? await IsConfirmedStaffAsync(viewer, organization, cancellationToken).ConfigureAwait(false)
            : await directory.GetRoleAsync(viewer.UserId, organization, cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<bool> IsConfirmedStaffAsync(MetricViewer viewer, OrganizationId organization, CancellationToken cancellationToken) =>
        viewer.Role == ViewerRole.Staff
        && await directory.GetRoleAsync(viewer.UserId, organization, cancellationToken).ConfigureAwait(false) == ViewerRole.Staff;
}
