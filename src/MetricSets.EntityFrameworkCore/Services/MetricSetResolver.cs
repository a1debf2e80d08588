using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMetricSetResolver"/> over the host's context.</summary>
internal sealed class MetricSetResolver<TContext>(TContext context, MetricAccessPolicy policy) : IMetricSetResolver
    where TContext : DbContext
{
    public async Task<ResolvedMetricSet> ResolveAsync(
        MetricViewer viewer,
        MetricSetId setId,
        UserId memberId,
        string language,
        UnitPreference preference = UnitPreference.DefinitionUnit,
        CancellationToken cancellationToken = default)
    {
        var tag = LocalizedName.NormalizeLanguageTag(language);
        var confinedTo = await policy.ReadMemberAsync(viewer, memberId, ModelSettings.Provenance(context), cancellationToken).ConfigureAwait(false);
        var rows = await SetResolutionQuery.RunAsync(
            context, setId, memberId, confinedTo, ModelSettings.RequireDefaultLanguage(context), cancellationToken).ConfigureAwait(false);

        // A set the viewer may not see answers like a set that does not exist.
        if (rows.Count == 0 || !await policy.CanSeeSetAsync(viewer, rows[0].Owner, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException("metric set", setId);
        }

        var metrics = rows
            .Where(row => row.DefinitionId is not null)
            .Select(row =>
            {
                var unit = preference.UnitFor(row.Unit);
                return new ResolvedMetric(
                    row.DefinitionId!.Value, row.Slug!, row.Name!.Resolve(tag), row.Kind, unit, row.Latest?.Value.ConvertTo(unit), row.Latest);
            })
            .ToList();
        return new ResolvedMetricSet(setId, rows[0].SetName, rows[0].Owner, memberId, metrics);
    }
}
