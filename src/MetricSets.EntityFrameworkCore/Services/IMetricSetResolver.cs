namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// The back end of the organization-scoped resolution endpoint (<c>GET /orgs/{org}/members/{user}/metric-sets/{set}</c>):
/// a set's definitions with a member's latest values, localized and converted.
/// </summary>
public interface IMetricSetResolver
{
    /// <summary>
    /// Resolves <paramref name="setId"/> for <paramref name="memberId"/> in one round trip to the database after the
    /// access check, whatever the set's size.
    /// </summary>
    /// <param name="viewer">Who asks; must be allowed to read the member.</param>
    /// <param name="setId">The set.</param>
    /// <param name="memberId">The member whose values to show.</param>
    /// <param name="language">A BCP 47 tag for the names, for example from <c>Accept-Language</c>.</param>
    /// <param name="preference">The units to report values in.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The resolved set.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or the set does not exist.</exception>
    /// <exception cref="MetricValidationException"><paramref name="language"/> is not a well-formed tag.</exception>
    Task<ResolvedMetricSet> ResolveAsync(
        MetricViewer viewer,
        MetricSetId setId,
        UserId memberId,
        string language,
        UnitPreference preference = UnitPreference.DefinitionUnit,
        CancellationToken cancellationToken = default);
}
