namespace MetricSets;

/// <summary>
/// The host application's answer to "who belongs where". MetricSets ships no implementation, on purpose: there is no
/// default that allows everything. Implement it over your memberships and staff tables.
/// </summary>
/// <remarks>
/// Answers must reflect the current state (an ended membership is not active). Implementations are called on every read,
/// so back them with indexed lookups or a short-lived cache.
/// </remarks>
public interface IMembershipDirectory
{
    /// <summary>Determines whether <paramref name="userId"/> is an active member of <paramref name="organizationId"/>.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns><see langword="true"/> when the user is an active member.</returns>
    ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default);

    /// <summary>Gets the role <paramref name="userId"/> holds in <paramref name="organizationId"/>.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The role, or <see langword="null"/> when the user has none there.</returns>
    ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default);

    /// <summary>Gets the organization a workout belongs to; workout-owned metric sets are visible only inside it.</summary>
    /// <param name="workoutId">The workout.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The organization, or <see langword="null"/> when the workout is unknown.</returns>
    ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default);

    /// <summary>Lists the active members of <paramref name="organizationId"/>, for organization-wide reads such as leaderboards.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The members' user ids; empty when there are none.</returns>
    ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default);
}
