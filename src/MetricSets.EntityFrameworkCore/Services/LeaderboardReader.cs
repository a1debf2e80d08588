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
        var definition = await context.Set<MetricDefinition>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == definitionId, cancellationToken).ConfigureAwait(false)
            ?? throw new MetricNotFoundException("metric definition", definitionId);

        var ranking = (order, definition.Kind.BestDirection()) switch
        {
            (LeaderboardOrder.LatestFirst, _) => LeaderboardQuery.Ranking.LatestFirst,
            (_, BestDirection.HigherIsBetter) => LeaderboardQuery.Ranking.HighestFirst,
            (_, BestDirection.LowerIsBetter) => LeaderboardQuery.Ranking.LowestFirst,
            _ => throw new MetricValidationException(
                nameof(order), order, $"'{definition.Slug}' is a {definition.Kind} metric, which has no best direction; rank it latest first."),
        };
        if (members.Count == 0)
        {
            return new MetricPage<LeaderboardEntry>([], null);
        }

        var rows = await LeaderboardQuery.RunAsync(context, members, definitionId, ranking, after, pageSize + 1, confinedTo, cancellationToken).ConfigureAwait(false);
        var unit = preference.UnitFor(definition.Unit);
        var offset = after?.Position ?? 0;
        var entries = rows.Take(pageSize)
            .Select((row, index) => new LeaderboardEntry(offset + index + 1, row.Reading.MemberId, row.Reading.Value.ConvertTo(unit), row.Reading))
            .ToList();
        var next = rows.Count > pageSize
            ? new PageCursor(rows[pageSize - 1].Score, entries[^1].MemberId.Value, offset + entries.Count).Encode()
            : null;
        return new MetricPage<LeaderboardEntry>(entries, next);
    }
}
