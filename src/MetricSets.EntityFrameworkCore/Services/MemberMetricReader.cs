using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMemberMetricReader"/> over the host's context: policy first, then one query.</summary>
internal sealed class MemberMetricReader<TContext>(TContext context, MetricAccessPolicy policy) : IMemberMetricReader
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
        ReadLimits.EnsureInRange(count, 1, IMemberMetricReader.MaxLastCount, nameof(count));
        var confinedTo = await ReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var found = await LastValuesQuery.RunAsync(context, memberId, definitionIds, count, confinedTo, cancellationToken).ConfigureAwait(false);
        ReadLimits.EnsureAllFound(definitionIds, found.Keys);
        return found.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<MetricReading>)pair.Value);
    }

    public async Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetPersonalBestsAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default)
    {
        ReadLimits.EnsureDefinitions(definitionIds);
        var confinedTo = await ReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var rows = await PersonalBestQuery.RunAsync(context, memberId, definitionIds, confinedTo, cancellationToken).ConfigureAwait(false);
        ReadLimits.EnsureAllFound(definitionIds, rows.Select(row => row.DefinitionId));
        return rows
            .Where(row => row.Best is not null && row.Kind.BestDirection() != BestDirection.None)
            .ToDictionary(row => row.DefinitionId, row => row.Best!);
    }

    public async Task<MetricPage<MetricReading>> GetHistoryAsync(
        MetricViewer viewer,
        UserId memberId,
        MetricDefinitionId definitionId,
        Interval interval,
        int pageSize = 100,
        string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ReadLimits.EnsureInRange(pageSize, 1, IMemberMetricReader.MaxPageSize, nameof(pageSize));
        var after = PageCursor.Decode(cursor, nameof(cursor));
        var confinedTo = await ReadMemberAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);

        var afterTime = after is { } position ? Instant.FromUnixTimeTicks((long)position.Key) : HistoryQuery.Earliest;
        var rows = await HistoryQuery.RunAsync(
            context, memberId, definitionId, interval, afterTime, after?.TieBreaker ?? Guid.Empty, pageSize + 1, confinedTo, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && after is null
            && !await context.Set<MetricDefinition>().AnyAsync(d => d.Id == definitionId, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException("metric definition", definitionId);
        }

        // One row more than the page tells whether a next page exists without a count query.
        var items = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize
            ? new PageCursor(items[^1].RecordedAt.ToUnixTimeTicks(), items[^1].Id.Value, (after?.Position ?? 0) + items.Count).Encode()
            : null;
        return new MetricPage<MetricReading>(items, next);
    }

    private Task<OrganizationId?> ReadMemberAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken) =>
        policy.ReadMemberAsync(viewer, memberId, ModelSettings.Provenance(context), cancellationToken);
}
