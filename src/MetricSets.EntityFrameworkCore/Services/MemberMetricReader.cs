using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Replicas;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// The <see cref="IMemberMetricReader"/> over the host's context: policy first, then one query, on the replica when
/// <see cref="ReplicaReads{TContext}"/> sends it there.
/// </summary>
internal sealed class MemberMetricReader<TContext>(TContext context, MetricAccessPolicy policy, CursorSeal seal, ReplicaReads<TContext> reads) : IMemberMetricReader
    where TContext : DbContext
{
    public async Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetLatestAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default)
    {
        var (scope, found) = await ReadLastAsync(viewer, memberId, definitionIds, 1, cancellationToken).ConfigureAwait(false);
        var latest = new Dictionary<MetricDefinitionId, MetricReading>(found.Count);
        foreach (var (definitionId, readings) in found)
        {
            if (readings.Count > 0)
            {
                latest.Add(definitionId, scope.Disclose(readings[0]));
            }
        }

        return latest;
    }

    public async Task<MetricReading?> FindLatestAsync(
        MetricViewer viewer, UserId memberId, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        (await GetLatestAsync(viewer, memberId, [definitionId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(definitionId);

    public async Task<IReadOnlyDictionary<MetricDefinitionId, IReadOnlyList<MetricReading>>> GetLastAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, CancellationToken cancellationToken = default)
    {
        var (scope, found) = await ReadLastAsync(viewer, memberId, definitionIds, count, cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<MetricReading>)[.. pair.Value.Select(scope.Disclose)]);
    }

    public async Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetPersonalBestsAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default)
    {
        ReadLimits.EnsureDefinitions(definitionIds);
        var access = policy.Begin(context);
        var statement = await access.BeforeMemberReadAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var (grant, rows) = await reads.RunAsync(
            (db, token) => PersonalBestQuery.RunAsync(db, statement, memberId, definitionIds, token), cancellationToken).ConfigureAwait(false);
        var scope = After(access, grant, viewer, memberId);
        ReadLimits.EnsureAllFound(definitionIds, rows.Select(row => row.DefinitionId));
        return rows
            .Where(row => row.Best is not null && row.Kind.BestDirection() != BestDirection.None)
            .ToDictionary(row => row.DefinitionId, row => scope.Disclose(row.Best!));
    }

    public async Task<MetricPage<MetricReading>> GetHistoryAsync(MetricViewer viewer, MetricHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReadLimits.EnsureInRange(query.PageSize, 1, MetricLimits.MaxPageSize, nameof(query.PageSize));
        var access = policy.Begin(context);
        var statement = await access.BeforeMemberReadAsync(viewer, query.MemberId, cancellationToken).ConfigureAwait(false);

        // A cursor is opened before the statement but judged after its verdict: a viewer who may not read the member
        // learns nothing from one, good or bad.
        var binding = $"history|{query.MemberId}|{query.DefinitionId}|{query.Interval}";
        var (after, badCursor) = PageCursor.Open(seal, query.Cursor, binding, nameof(query.Cursor));

        var afterTime = after is { } position ? Instant.FromUnixTimeTicks((long)position.Key) : HistoryQuery.Earliest;
        var (grant, page) = await reads.RunAsync(
            (db, token) => HistoryQuery.RunAsync(
                db, statement, query.MemberId, query.DefinitionId, query.Interval, afterTime, after?.TieBreaker ?? Guid.Empty, query.PageSize + 1, token),
            cancellationToken).ConfigureAwait(false);
        var scope = After(access, grant, viewer, query.MemberId);
        if (badCursor is not null)
        {
            throw badCursor;
        }

        var rows = page ?? throw new MetricNotFoundException(MetricEntity.MetricDefinition, query.DefinitionId);

        // One row more than the page tells whether a next page exists without a count query.
        var items = rows.Take(query.PageSize).Select(scope.Disclose).ToList();
        var next = rows.Count > query.PageSize
            ? new PageCursor(items[^1].RecordedAt.ToUnixTimeTicks(), items[^1].Id.Value, checked((after?.Position ?? 0) + items.Count)).Encode(seal, binding)
            : null;
        return new MetricPage<MetricReading>(items, next);
    }

    // The last values of each definition, newest first, and what the viewer may learn of them; throws when the read is
    // refused or a definition does not exist.
    private async Task<(ReadScope Scope, Dictionary<MetricDefinitionId, List<MetricReading>> Found)> ReadLastAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, CancellationToken cancellationToken)
    {
        ReadLimits.EnsureDefinitions(definitionIds);
        ReadLimits.EnsureInRange(count, 1, MetricLimits.MaxLastCount, nameof(count));
        var access = policy.Begin(context);
        var statement = await access.BeforeMemberReadAsync(viewer, memberId, cancellationToken).ConfigureAwait(false);
        var (grant, found) = await reads.RunAsync(
            (db, token) => LastValuesQuery.RunAsync(db, statement, memberId, definitionIds, count, token), cancellationToken).ConfigureAwait(false);
        var scope = After(access, grant, viewer, memberId);
        ReadLimits.EnsureAllFound(definitionIds, found.Keys);
        return (scope, found);
    }

    private static ReadScope After(AccessCall access, StatementGrant grant, MetricViewer viewer, UserId memberId) =>
        access.After(grant, viewer, MetricAccessRequest.ReadValues(memberId), new MetricNotFoundException(MetricEntity.Member, memberId));
}
