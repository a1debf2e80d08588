using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="ILeaderboardReader"/> over the host's context.</summary>
internal sealed class LeaderboardReader<TContext>(TContext context, MetricAccessPolicy policy) : ILeaderboardReader
    where TContext : DbContext
{
    public async Task<MetricPage<LeaderboardEntry>> GetLeaderboardAsync(
        MetricViewer viewer,
        OrganizationId organizationId,
        MetricDefinitionId definitionId,
        LeaderboardOrder order = LeaderboardOrder.BestFirst,
        int pageSize = 20,
        string? cursor = null,
        UnitPreference preference = UnitPreference.DefinitionUnit,
        CancellationToken cancellationToken = default)
    {
        ReadLimits.EnsureInRange(pageSize, 1, ILeaderboardReader.MaxPageSize, nameof(pageSize));
        var after = PageCursor.Decode(cursor, nameof(cursor));
        var (members, confinedTo) = await policy.ReadOrganizationAsync(viewer, organizationId, ModelSettings.Provenance(context), cancellationToken).ConfigureAwait(false);

        // One round trip: the definition's unit and kind come back with the ranked page.
        var rows = await LeaderboardQuery.RunAsync(
            context, members, definitionId, order == LeaderboardOrder.LatestFirst, after, pageSize + 1, confinedTo, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            throw new MetricNotFoundException("metric definition", definitionId);
        }

        var (definitionUnit, kind) = (rows[0].Unit, rows[0].Kind);
        if (order == LeaderboardOrder.BestFirst && kind.BestDirection() == BestDirection.None)
        {
            throw new MetricValidationException(
                nameof(order), order, $"Metric definition {definitionId} is a {kind} metric, which has no best direction; rank it latest first.");
        }

        var ranked = rows.Where(row => row.Reading is not null).ToList();
        var unit = preference.UnitFor(definitionUnit);
        var offset = after?.Position ?? 0;
        var entries = ranked.Take(pageSize)
            .Select((row, index) => new LeaderboardEntry(offset + index + 1, row.Reading!.MemberId, row.Reading.Value.ConvertTo(unit), row.Reading))
            .ToList();
        var next = ranked.Count > pageSize
            ? new PageCursor(ranked[pageSize - 1].Score, entries[^1].MemberId.Value, offset + entries.Count).Encode()
            : null;
        return new MetricPage<LeaderboardEntry>(entries, next);
    }
}
