namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// Organization-wide reads: "everyone's most recent 1RM". Only staff acting in the organization, confirmed by the host's
/// <see cref="IMembershipDirectory"/>, may read it; anyone else gets the same <see cref="MetricNotFoundException"/> as
/// for an unknown organization.
/// </summary>
public interface ILeaderboardReader
{
    /// <summary>
    /// Ranks the active members of <paramref name="organizationId"/> by their most recent value of a definition. Members
    /// without a value are not listed. Values recorded in different units rank by exact quantity (225 lb above 100 kg);
    /// equal values are ordered by member id, so pages never overlap or skip.
    /// </summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="organizationId">The organization.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="order">Best first (the kind must have a direction) or latest first.</param>
    /// <param name="pageSize">Entries per page: 1 to <see cref="MaxPageSize"/>; the first page is the top N.</param>
    /// <param name="cursor">The previous page's <see cref="MetricPage{T}.NextCursor"/>, or <see langword="null"/>.</param>
    /// <param name="preference">The unit to report values in.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the organization, or the definition does not exist.</exception>
    /// <exception cref="MetricValidationException">
    /// Best first for a kind without a direction, <paramref name="pageSize"/> out of range, or a foreign cursor.
    /// </exception>
    Task<MetricPage<LeaderboardEntry>> GetLeaderboardAsync(
        MetricViewer viewer,
        OrganizationId organizationId,
        MetricDefinitionId definitionId,
        LeaderboardOrder order = LeaderboardOrder.BestFirst,
        int pageSize = 20,
        string? cursor = null,
        UnitPreference preference = UnitPreference.DefinitionUnit,
        CancellationToken cancellationToken = default);

    /// <summary>The largest page a leaderboard returns.</summary>
    public const int MaxPageSize = 500;
}
