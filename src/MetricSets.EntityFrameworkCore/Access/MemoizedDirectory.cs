namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The host's <see cref="IMembershipDirectory"/> for the length of one library call: each question is asked once, and its
/// answer is reused by every rule and check of the call. Never kept across calls, so an ended membership ends access at
/// the next call.
/// </summary>
internal sealed class MemoizedDirectory(IMembershipDirectory directory) : IMembershipDirectory
{
    private readonly Dictionary<(UserId, OrganizationId), bool> _active = [];
    private readonly Dictionary<(UserId, OrganizationId), ViewerRole?> _roles = [];
    private readonly Dictionary<WorkoutId, OrganizationId?> _workouts = [];
    private readonly Dictionary<OrganizationId, IReadOnlyCollection<UserId>> _members = [];

    /// <summary>
    /// Records what a statement's staff check confirmed in <paramref name="organization"/>, as the mapped memberships
    /// answer it: <paramref name="staff"/> holds a staff role there.
    /// </summary>
    public void ConfirmStaff(UserId staff, OrganizationId organization) => _roles[(staff, organization)] = ViewerRole.Staff;

    public async ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        _active.TryGetValue((userId, organizationId), out var active)
            ? active
            : _active[(userId, organizationId)] = await directory.IsActiveMemberAsync(userId, organizationId, cancellationToken).ConfigureAwait(false);

    public async ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        _roles.TryGetValue((userId, organizationId), out var role)
            ? role
            : _roles[(userId, organizationId)] = await directory.GetRoleAsync(userId, organizationId, cancellationToken).ConfigureAwait(false);

    public async ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) =>
        _workouts.TryGetValue(workoutId, out var organization)
            ? organization
            : _workouts[workoutId] = await directory.GetWorkoutOrganizationAsync(workoutId, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        _members.TryGetValue(organizationId, out var members)
            ? members
            : _members[organizationId] = await directory.ListActiveMembersAsync(organizationId, cancellationToken).ConfigureAwait(false);
}
