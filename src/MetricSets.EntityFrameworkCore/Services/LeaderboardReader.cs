using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Replicas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="ILeaderboardReader"/> over the host's context; its one query on the replica when <see cref="ReplicaReads{TContext}"/> sends it there.</summary>
internal sealed class LeaderboardReader<TContext>(TContext context, MetricAccessPolicy policy, CursorSeal seal, IOptions<MetricSetsOptions> options, ReplicaReads<TContext> reads) : ILeaderboardReader
    where TContext : DbContext
{
    public async Task<MetricPage<LeaderboardEntry>> GetLeaderboardAsync(MetricViewer viewer, MetricLeaderboardQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReadLimits.EnsureInRange(query.PageSize, 1, MetricLimits.MaxPageSize, nameof(query.PageSize));
        var sources = query.Sources?.Select(source => source.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sources is not null)
        {
            ReadLimits.EnsureInRange(sources.Length, 1, MetricLimits.MaxSourcesPerRead, nameof(query.Sources));
        }

        var access = policy.Begin(context);
        var (statement, members) = await access.BeforeOrganizationReadAsync(viewer, query.OrganizationId, cancellationToken).ConfigureAwait(false);

        // A cursor is opened before the statement but judged after its verdict: a viewer who may not read the
        // organization learns nothing from one, good or bad.
        var binding = $"leaderboard|{query.OrganizationId}|{query.DefinitionId}|{query.Order}|{query.Units}|{(sources is null ? "*" : string.Join(',', sources))}";
        var (after, badCursor) = PageCursor.Open(seal, query.Cursor, binding, nameof(query.Cursor));

        // One round trip: the access decision, the definition's unit and kind, and the ranked page.
        var (grant, found) = await reads.RunAsync(
            (db, token) => LeaderboardQuery.RunAsync(
                db, statement, query.OrganizationId, members, query.DefinitionId, query.Order == LeaderboardOrder.LatestFirst, after, query.PageSize + 1, sources, options.Value.LeaderboardWalkFrom, token),
            cancellationToken).ConfigureAwait(false);
        var scope = access.After(grant, viewer, MetricAccessRequest.ReadOrganization(query.OrganizationId), new MetricNotFoundException(MetricEntity.Organization, query.OrganizationId));
        if (badCursor is not null)
        {
            throw badCursor;
        }

        var rows = found ?? throw new MetricNotFoundException(MetricEntity.MetricDefinition, query.DefinitionId);
        var (definitionUnit, kind) = (rows[0].Unit, rows[0].Kind);
        if (query.Order == LeaderboardOrder.BestFirst && kind.BestDirection() == BestDirection.None)
        {
            throw new MetricValidationException(
                nameof(query.Order), query.Order, $"Metric definition {query.DefinitionId} is a {kind} metric, which has no best direction; rank it latest first.");
        }

        var ranked = rows.Where(row => row.Reading is not null).ToList();
        var unit = query.Units.UnitFor(definitionUnit);
        var offset = after?.Position ?? 0;
        var entries = ranked.Take(query.PageSize)
            .Select((row, index) => new LeaderboardEntry { Rank = checked(offset + index + 1), Value = row.Reading!.Value.ConvertTo(unit), Reading = scope.Disclose(row.Reading) })
            .ToList();
        var next = ranked.Count > query.PageSize
            ? new PageCursor(ranked[query.PageSize - 1].Score, entries[^1].MemberId.Value, checked(offset + entries.Count)).Encode(seal, binding)
            : null;
        return new MetricPage<LeaderboardEntry>(entries, next);
    }
}
