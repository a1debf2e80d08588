using MetricSets.SampleHost.Data;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.SampleHost.Access;

/// <summary>The sample's <see cref="IMembershipDirectory"/>: indexed lookups in its memberships and workouts tables.</summary>
internal sealed class DatabaseMembershipDirectory(SampleDbContext context) : IMembershipDirectory
{
    public async ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await context.Memberships.AnyAsync(
            m => m.UserId == userId.Value && m.OrganizationId == organizationId.Value && m.Role == Roles.Member, cancellationToken);

    public async ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default)
    {
        var role = await context.Memberships
            .Where(m => m.UserId == userId.Value && m.OrganizationId == organizationId.Value)
            .Select(m => m.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return role switch
        {
            Roles.Staff => ViewerRole.Staff,
            Roles.Member => ViewerRole.Member,
            _ => null,
        };
    }

    public async ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default)
    {
        var organization = await context.Workouts.Where(w => w.Id == workoutId.Value).Select(w => (Guid?)w.OrganizationId).FirstOrDefaultAsync(cancellationToken);
        return organization is { } id ? new OrganizationId(id) : null;
    }

    public async ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await context.Memberships
            .Where(m => m.OrganizationId == organizationId.Value && m.Role == Roles.Member)
            .Select(m => new UserId(m.UserId))
            .ToListAsync(cancellationToken);
}

/// <summary>The role names stored in the memberships table.</summary>
internal static class Roles
{
    public const string Member = "member";
    public const string Staff = "staff";
}
