using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Replicas;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// The <see cref="IMetricSetResolver"/> over the host's context: one statement, its access decision included, on the
/// replica when <see cref="ReplicaReads{TContext}"/> sends it there.
/// </summary>
internal sealed class MetricSetResolver<TContext>(TContext context, MetricAccessPolicy policy, ReplicaReads<TContext> reads) : IMetricSetResolver
    where TContext : DbContext
{
    public async Task<ResolvedMetricSet> ResolveAsync(MetricViewer viewer, MetricSetResolutionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (setId, memberId, preference) = (query.SetId, query.MemberId, query.Units);
        var tag = LocalizedName.NormalizeLanguageTag(query.Language);
        var access = policy.Begin(context);
        var statement = await access.BeforeMemberReadAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var language = ModelSettings.RequireDefaultLanguage(context);
        var (grant, set) = await reads.RunAsync(
            (db, token) => SetResolutionQuery.RunAsync(db, statement, setId, memberId, language, token), cancellationToken).ConfigureAwait(false);
        var scope = access.After(grant, viewer, MetricAccessRequest.ReadValues(memberId), new MetricNotFoundException(MetricEntity.Member, memberId));

        // A set the viewer may not see answers like a set that does not exist.
        if (set is null || !await access.CanSeeSetAsync(viewer, set.Owner, set.VisibleByDefaultRules, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException(MetricEntity.MetricSet, setId);
        }

        var metrics = set.Rows
            .Select(row =>
            {
                var unit = preference.UnitFor(row.Unit);
                return new ResolvedMetric
                {
                    DefinitionId = row.DefinitionId,
                    Slug = row.Slug,
                    Name = row.Name.Resolve(tag),
                    Kind = row.Kind,
                    Unit = unit,
                    LatestValue = row.Latest?.Value.ConvertTo(unit),
                    Latest = row.Latest is null ? null : scope.Disclose(row.Latest),
                };
            })
            .ToList();
        return new ResolvedMetricSet { Id = setId, Name = set.SetName, Owner = set.Owner, MemberId = memberId, Metrics = metrics };
    }
}
