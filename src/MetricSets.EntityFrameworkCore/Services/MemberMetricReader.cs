using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMemberMetricReader"/> over the host's context: policy first, then one query.</summary>
internal sealed class MemberMetricReader<TContext>(TContext context, MetricAccessPolicy policy, CursorSeal seal) : IMemberMetricReader
    where TContext : DbContext
{
    public async Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetLatestAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default)
    {
        var last = await GetLastAsync(viewer, memberId, definitionIds, 1, cancellationToken).ConfigureAwait(false);
        return last.Where(pair => pair.Value.Count > 0).ToDictionary(pair => pair.Key, pair => pair.Value[0]);
    }

    public async Task<MetricReading?> FindLatestAsync(
        MetricViewer viewer, UserId memberId, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        (await GetLatestAsync(viewer, memberId, [definitionId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(definitionId);

    public async Task<IReadOnlyDictionary<MetricDefinitionId, IReadOnlyList<MetricReading>>> GetLastAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, CancellationToken cancellationToken = default)
    {
        ReadLimits.EnsureDefinitions(definitionIds);
        ReadLimits.EnsureInRange(count, 1, MetricLimits.MaxLastCount, nameof(count));
        var scope = await ReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var found = await LastValuesQuery.RunAsync(context, memberId, definitionIds, count, scope.ConfinedTo, cancellationToken).ConfigureAwait(false);
        ReadLimits.EnsureAllFound(definitionIds, found.Keys);
        return found.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<MetricReading>)[.. pair.Value.Select(scope.Disclose)]);
    }

    public async Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetPersonalBestsAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default)
    {
        ReadLimits.EnsureDefinitions(definitionIds);
        var scope = await ReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var rows = await PersonalBestQuery.RunAsync(context, memberId, definitionIds, scope.ConfinedTo, cancellationToken).ConfigureAwait(false);
        ReadLimits.EnsureAllFound(definitionIds, rows.Select(row => row.DefinitionId));
        return rows
            .Where(row => row.Best is not null && row.Kind.BestDirection() != BestDirection.None)
            .ToDictionary(row => row.DefinitionId, row => scope.Disclose(row.Best!));
    }

    public async Task<MetricPage<MetricReading>> GetHistoryAsync(MetricViewer viewer, MetricHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReadLimits.EnsureInRange(query.PageSize, 1, MetricLimits.MaxPageSize, nameof(query.PageSize));
        var scope = await ReadMemberAsync(viewer, query.MemberId, cancellationToken).ConfigureAwait(false);

        // After the policy: a viewer who may not read the member learns nothing from a cursor, good or bad.
        var binding = $"history|{query.MemberId}|{query.DefinitionId}|{query.Interval}";
        var after = PageCursor.Decode(seal, query.Cursor, binding, nameof(query.Cursor));
        var afterTime = after is { } position ? Instant.FromUnixTimeTicks((long)position.Key) : HistoryQuery.Earliest;
        var rows = await HistoryQuery.RunAsync(
            context, query.MemberId, query.DefinitionId, query.Interval, afterTime, after?.TieBreaker ?? Guid.Empty, query.PageSize + 1, scope.ConfinedTo, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new MetricNotFoundException(MetricEntity.MetricDefinition, query.DefinitionId);

        // One row more than the page tells whether a next page exists without a count query.
        var items = rows.Take(query.PageSize).Select(scope.Disclose).ToList();
        var next = rows.Count > query.PageSize
            ? new PageCursor(items[^1].RecordedAt.ToUnixTimeTicks(), items[^1].Id.Value, checked((after?.Position ?? 0) + items.Count)).Encode(seal, binding)
            : null;
        return new MetricPage<MetricReading>(items, next);
    }

    private Task<ReadScope> ReadMemberAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken) =>
        policy.Begin(ModelSettings.Provenance(context)).ReadMemberAsync(viewer, memberId, cancellationToken);
}
