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
        await policy.EnsureCanReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var rows = await SetResolutionQuery.RunAsync(context, setId, memberId, DefaultLanguage.Require(context), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
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
