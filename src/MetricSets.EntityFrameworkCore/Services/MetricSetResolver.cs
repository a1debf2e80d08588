using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMetricSetResolver"/> over the host's context.</summary>
internal sealed class MetricSetResolver<TContext>(TContext context, MetricAccessPolicy policy) : IMetricSetResolver
    where TContext : DbContext
{
    public async Task<ResolvedMetricSet> ResolveAsync(MetricViewer viewer, MetricSetResolutionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (setId, memberId, preference) = (query.SetId, query.MemberId, query.Units);
        var tag = LocalizedName.NormalizeLanguageTag(query.Language);
        var access = policy.Begin(ModelSettings.Provenance(context));
        var scope = await access.ReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var rows = await SetResolutionQuery.RunAsync(
            context, setId, memberId, scope.ConfinedTo, ModelSettings.RequireDefaultLanguage(context), cancellationToken).ConfigureAwait(false);

        // A set the viewer may not see answers like a set that does not exist.
        if (rows.Count == 0 || !await access.CanSeeSetAsync(viewer, rows[0].Owner, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException(MetricEntity.MetricSet, setId);
        }

        var metrics = rows
            .Where(row => row.DefinitionId is not null)
            .Select(row =>
            {
                var unit = preference.UnitFor(row.Unit);
                return new ResolvedMetric
                {
                    DefinitionId = row.DefinitionId!.Value,
                    Slug = row.Slug!,
                    Name = row.Name!.Resolve(tag),
                    Kind = row.Kind,
                    Unit = unit,
                    LatestValue = row.Latest?.Value.ConvertTo(unit),
                    Latest = row.Latest is null ? null : scope.Disclose(row.Latest),
                };
            })
            .ToList();
        return new ResolvedMetricSet { Id = setId, Name = rows[0].SetName, Owner = rows[0].Owner, MemberId = memberId, Metrics = metrics };
    }
}
