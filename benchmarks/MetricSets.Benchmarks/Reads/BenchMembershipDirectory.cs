using MetricSets.Benchmarks.Data;

namespace MetricSets.Benchmarks.Reads;

/// <summary>The host's membership directory, in memory: one organization, its members and one staff user.</summary>
internal sealed class BenchMembershipDirectory(IReadOnlyCollection<UserId> members) : IMembershipDirectory
{
    private readonly HashSet<UserId> _members = [.. members];
    private static readonly OrganizationId Organization = new(BenchCatalog.OrganizationId);
    private static readonly UserId Staff = new(BenchCatalog.StaffId);

    public ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(organizationId == Organization && _members.Contains(userId));

    public ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ViewerRole?>(
            organizationId != Organization ? null : userId == Staff ? ViewerRole.Staff : _members.Contains(userId) ? ViewerRole.Member : null);

    public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<OrganizationId?>(null);

    public ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(organizationId == Organization ? members : (IReadOnlyCollection<UserId>)[]);
}
