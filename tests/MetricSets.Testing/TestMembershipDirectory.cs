using Npgsql;

namespace MetricSets.Testing;

/// <summary>
/// An in-memory <see cref="IMembershipDirectory"/> that a test fills: who is a member of, or staff in, which organization.
/// Once <see cref="MirrorTo"/> a database, every change is also written to its <c>memberships</c> and <c>workouts</c>
/// tables (ending a membership sets <c>ended_at</c>), so the same test runs against mapped memberships.
/// </summary>
public sealed class TestMembershipDirectory : IMembershipDirectory
{
    private string? _mirror;
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
        Mirror(Join, user.Value, organization.Value, "member");
        return this;
    }

    public TestMembershipDirectory AddStaff(UserId user, OrganizationId organization)
    {
        _staff.Add((user, organization));
        Mirror(Join, user.Value, organization.Value, "staff");
        return this;
    }

    public TestMembershipDirectory AddWorkout(WorkoutId workout, OrganizationId organization)
    {
        _workouts[workout] = organization;
        Mirror(PlaceWorkout, workout.Value, organization.Value);
        return this;
    }

    public TestMembershipDirectory RemoveMember(UserId user, OrganizationId organization)
    {
        _members.Remove((user, organization));
        Mirror("UPDATE memberships SET ended_at = now() WHERE user_id = $1 AND organization_id = $2 AND role = 'member'", user.Value, organization.Value);
        return this;
    }

    /// <summary>Writes everything so far, and every later change, to <paramref name="connectionString"/>'s tables.</summary>
    public void MirrorTo(string connectionString)
    {
        if (_mirror == connectionString)
        {
            return;
        }

        _mirror = connectionString;
        foreach (var (user, organization) in _members)
        {
            Mirror(Join, user.Value, organization.Value, "member");
        }

        foreach (var (user, organization) in _staff)
        {
            Mirror(Join, user.Value, organization.Value, "staff");
        }

        foreach (var (workout, organization) in _workouts)
        {
            Mirror(PlaceWorkout, workout.Value, organization.Value);
        }
    }

    private const string Join =
        "INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, organization_id, role) DO UPDATE SET ended_at = NULL";

    private const string PlaceWorkout =
        "INSERT INTO workouts (id, organization_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id";

    private void Mirror(string sql, params object[] values)
    {
        if (_mirror is null)
        {
            return;
        }

        using var connection = new NpgsqlConnection(_mirror);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.ExecuteNonQuery();
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
