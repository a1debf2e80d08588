namespace MetricSets.Testing;

/// <summary>An in-memory <see cref="IMembershipDirectory"/> that a test fills: who is a member of, or staff in, which organization.</summary>
public sealed class TestMembershipDirectory : IMembershipDirectory
{
    private readonly HashSet<(UserId, OrganizationId)> _members = [];
    private readonly HashSet<(UserId, OrganizationId)> _staff = [];
    private readonly Dictionary<WorkoutId, OrganizationId> _workouts = [];

    private int _calls;

    public int ListCalls { get; private set; }

    /// <summary>Gets how many questions the directory has answered, of every kind.</summary>
    public int Calls => _calls;

    public TestMembershipDirectory AddMember(UserId user, OrganizationId organization)
    {
        _members.Add((user, organization));
        return this;
    }

    public TestMembershipDirectory AddStaff(UserId user, OrganizationId organization)
    {
        _staff.Add((user, organization));
        return this;
    }

    public TestMembershipDirectory AddWorkout(WorkoutId workout, OrganizationId organization)
    {
        _workouts[workout] = organization;
        return this;
    }

    public TestMembershipDirectory RemoveMember(UserId user, OrganizationId organization)
    {
        _members.Remove((user, organization));
        return this;
    }

    public ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(_members.Contains((userId, organizationId)));
    }

    public ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<ViewerRole?>(
            _staff.Contains((userId, organizationId)) ? ViewerRole.Staff
            : _members.Contains((userId, organizationId)) ? ViewerRole.Member
            : null);
    }

    public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(_workouts.TryGetValue(workoutId, out var organization) ? organization : (OrganizationId?)null);
    }

    public ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        ListCalls++;
        return ValueTask.FromResult<IReadOnlyCollection<UserId>>([.. _members.Where(m => m.Item2 == organizationId).Select(m => m.Item1)]);
    }
}
