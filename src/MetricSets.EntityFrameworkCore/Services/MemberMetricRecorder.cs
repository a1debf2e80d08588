using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMemberMetricRecorder"/> over the host's context.</summary>
internal sealed class MemberMetricRecorder<TContext>(TContext context, IClock clock, IOptions<MetricSetsOptions> options) : IMemberMetricRecorder
    where TContext : DbContext
{
    private DbSet<MemberMetric> Metrics => context.Set<MemberMetric>();

    public async Task<MemberMetric> RecordAsync(RecordMetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = await context.Set<MetricDefinition>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == request.DefinitionId, cancellationToken).ConfigureAwait(false)
            ?? throw new MetricNotFoundException("metric definition", request.DefinitionId);

        var now = clock.GetCurrentInstant();
        var recordedAt = request.RecordedAt ?? now;
        var latestAllowed = now + options.Value.MaxFutureSkew;
        if (recordedAt > latestAllowed)
        {
            throw new MetricValidationException(
                nameof(request.RecordedAt), recordedAt, $"The recording time {recordedAt} is in the future (latest allowed: {latestAllowed}).");
        }

        var metric = MemberMetric.Record(definition, request.MemberId, request.Value, recordedAt, request.Source, request.Id);
        if (request.Id is { } id && await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return SameOrConflict(stored, metric);
        }

        Metrics.Add(metric);
        try
        {
            await ChangeSaver.SaveAsync(context, error => Translate(error, request), cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException
        {
            SqlState: ChangeSaver.UniqueViolation, ConstraintName: SchemaNames.MemberMetrics.PrimaryKey,
        })
        {
            // A concurrent retry with the same id won the race.
            return SameOrConflict(await FindAsync(metric.Id, cancellationToken).ConfigureAwait(false) ?? throw exception.InnerException, metric);
        }

        return metric;
    }

    private Task<MemberMetric?> FindAsync(MemberMetricId id, CancellationToken cancellationToken) =>
        Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    private static MemberMetric SameOrConflict(MemberMetric stored, MemberMetric requested) =>
        stored.RecordsSameAs(requested)
            ? stored
            : throw new MetricConflictException(
                $"The member metric id {requested.Id} was already used for {stored.Value} recorded at {stored.RecordedAt}; a retry must send the same value, time and source.");

    private static MetricNotFoundException? Translate(PostgresException error, RecordMetricRequest request) =>
        (error.SqlState, error.ConstraintName) switch
        {
            (ChangeSaver.ForeignKeyViolation, SchemaNames.MemberMetrics.MemberForeignKey) => new MetricNotFoundException("member", request.MemberId),
            (ChangeSaver.ForeignKeyViolation, SchemaNames.MemberMetrics.DefinitionForeignKey) =>
                new MetricNotFoundException("metric definition", request.DefinitionId),
            _ => null,
        };
}
