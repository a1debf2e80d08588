using MetricSets.Benchmarks.Data;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.Benchmarks.Reads.Authorization;

/// <summary>
/// A host's <see cref="IMembershipDirectory"/> over its memberships table with EF LINQ, as the sample host's was before
/// mapped memberships: each question is its own indexed query.
/// </summary>
internal sealed class BenchDatabaseDirectory(BenchDbContext context) : IMembershipDirectory
{
    public async ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await context.Memberships.AnyAsync(m => m.UserId == userId.Value && m.OrganizationId == organizationId.Value && m.Role == "member", cancellationToken)
            .ConfigureAwait(false);

    public async ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default)
    {
        var role = await context.Memberships
            .Where(m => m.UserId == userId.Value && m.OrganizationId == organizationId.Value)
            .Select(m => m.Role)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return role switch
        {
            "staff" => ViewerRole.Staff,
            "member" => ViewerRole.Member,
            _ => null,
        };
    }

    public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<OrganizationId?>(null);

    public async ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await context.Memberships
            .Where(m => m.OrganizationId == organizationId.Value && m.Role == "member")
            .Select(m => new UserId(m.UserId))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
}
