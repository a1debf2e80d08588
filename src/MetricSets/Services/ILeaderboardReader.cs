namespace MetricSets;

/// <summary>
/// Organization-wide reads: "everyone's most recent 1RM". Only staff acting in the organization, confirmed by the
/// access policy, may read it; anyone else gets the same <see cref="MetricNotFoundException"/> as for an unknown organization.
/// </summary>
public interface ILeaderboardReader
{
    /// <summary>
    /// Ranks the organization's active members by their most recent value of a definition. Members without a value are
    /// not listed. Values recorded in different units rank by exact quantity (225 lb above 100 kg); equal values are
    /// ordered by member id, so pages never overlap or skip.
    /// </summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="query">The organization, the definition, the order, the page and the units.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the organization, or the definition does not exist.</exception>
    /// <exception cref="MetricValidationException">
    /// Best first for a kind without a direction, the page size or the sources out of range, or a cursor this library did
    /// not issue for the same query.
    /// </exception>
    Task<MetricPage<LeaderboardEntry>> GetLeaderboardAsync(MetricViewer viewer, MetricLeaderboardQuery query, CancellationToken cancellationToken = default);
}
