namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>Reads member metric values.</summary>
public interface IMemberMetricReader
{
    /// <summary>
    /// Gets a member's latest value of one definition. "Latest" is a total order: the greatest
    /// <see cref="MemberMetric.RecordedAt"/>, ties broken by the greatest id.
    /// </summary>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The latest value, or <see langword="null"/> when the member has none for the definition.</returns>
    /// <exception cref="MetricNotFoundException">The definition does not exist.</exception>
    Task<MemberMetric?> GetLatestAsync(UserId memberId, MetricDefinitionId definitionId, CancellationToken cancellationToken = default);
}
