using MetricSets.Benchmarks.Data;

namespace MetricSets.Benchmarks.Reads;

/// <summary>
/// The host's membership directory, in memory: organizations, their members and one staff user (staff of each). A list of
/// members is built once, so listing one costs the library nothing but passing it on.
/// </summary>
internal sealed class BenchMembershipDirectory(IReadOnlyDictionary<OrganizationId, IReadOnlyCollection<UserId>> organizations) : IMembershipDirectory
{
    private static readonly UserId Staff = new(BenchCatalog.StaffId);
    private readonly Dictionary<OrganizationId, HashSet<UserId>> _members = organizations.ToDictionary(pair => pair.Key, pair => pair.Value.ToHashSet());

    /// <summary>Creates the directory of the first organization, <see cref="BenchCatalog.OrganizationId"/>, with <paramref name="members"/>.</summary>
    public BenchMembershipDirectory(IReadOnlyCollection<UserId> members)
        : this(new Dictionary<OrganizationId, IReadOnlyCollection<UserId>> { [new OrganizationId(BenchCatalog.OrganizationId)] = members })
    {
    }

    public ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_members.TryGetValue(organizationId, out var members) && members.Contains(userId));

    public ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ViewerRole?>(
            !_members.TryGetValue(organizationId, out var members) ? null : userId == Staff ? ViewerRole.Staff : members.Contains(userId) ? ViewerRole.Member : null);

    public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<OrganizationId?>(null);

    public ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(organizations.TryGetValue(organizationId, out var members) ? members : (IReadOnlyCollection<UserId>)[]);
}
