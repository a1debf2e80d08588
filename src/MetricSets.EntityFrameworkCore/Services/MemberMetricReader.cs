using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMemberMetricReader"/> over the host's context.</summary>
internal sealed class MemberMetricReader<TContext>(TContext context) : IMemberMetricReader
    where TContext : DbContext
{
    public async Task<MemberMetric?> GetLatestAsync(UserId memberId, MetricDefinitionId definitionId, CancellationToken cancellationToken = default)
    {
        // One probe of member_metrics_member_def_recorded_idx: ORDER BY recorded_at DESC matches the index column.
        var latest = await context.Set<MemberMetric>().AsNoTracking()
            .Where(m => EF.Property<Guid>(m, DomainFields.MetricMemberId) == memberId.Value && m.DefinitionId == definitionId)
            .OrderByDescending(m => m.RecordedAt).ThenByDescending(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null && !await context.Set<MetricDefinition>().AnyAsync(d => d.Id == definitionId, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException("metric definition", definitionId);
        }

        return latest;
    }
}
