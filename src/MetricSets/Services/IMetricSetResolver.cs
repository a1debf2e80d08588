namespace MetricSets;

/// <summary>
/// The back end of the organization-scoped resolution endpoint (<c>GET /orgs/{org}/members/{user}/metric-sets/{set}</c>):
/// a set's definitions with a member's latest values, localized and converted.
/// </summary>
public interface IMetricSetResolver
{
    /// <summary>Resolves a set for a member in one round trip after the access check, whatever the set's size.</summary>
    /// <param name="viewer">Who asks; must be allowed to see the set and to read the member.</param>
    /// <param name="query">The set, the member, the language and the units.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The resolved set.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or the set does not exist or is not visible.</exception>
    /// <exception cref="MetricValidationException">The language is not a well-formed tag.</exception>
    Task<ResolvedMetricSet> ResolveAsync(MetricViewer viewer, MetricSetResolutionQuery query, CancellationToken cancellationToken = default);
}
