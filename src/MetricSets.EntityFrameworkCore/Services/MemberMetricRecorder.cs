using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMemberMetricRecorder"/> over the host's context.</summary>
internal sealed class MemberMetricRecorder<TContext>(
    TContext context, MetricAccessPolicy policy, IClock clock, IOptions<MetricSetsOptions> options) : IMemberMetricRecorder
    where TContext : DbContext
{
    private DbSet<MemberMetric> Metrics => context.Set<MemberMetric>();

    public async Task<MemberMetric> RecordAsync(MetricViewer actor, RecordMetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var selfReport = actor.UserId == request.MemberId;
        if (!selfReport && request.Source == MetricSource.SelfReport)
        {
            throw new MetricValidationException(
                nameof(request.Source), request.Source.Code, "Only the member may record a self_report; staff record with another source, such as coach_input.");
        }

        var now = clock.GetCurrentInstant();
        var recordedAt = request.RecordedAt ?? now;
        var latestAllowed = now + options.Value.MaxFutureSkew;
        if (recordedAt > latestAllowed)
        {
            throw new MetricValidationException(
                nameof(request.RecordedAt), recordedAt, $"The recording time {recordedAt} is in the future (latest allowed: {latestAllowed}).");
        }

        // The policy first: an actor who may not record for the member touches nothing in the database.
        var recordedIn = await policy.RecordForMemberAsync(actor, request.MemberId, cancellationToken).ConfigureAwait(false);
        var definition = await context.Set<MetricDefinition>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == request.DefinitionId, cancellationToken).ConfigureAwait(false)
            ?? throw new MetricNotFoundException("metric definition", request.DefinitionId);

        var metric = MemberMetric.Record(
            definition,
            request.MemberId,
            request.Value,
            recordedAt,
            request.Source ?? (selfReport ? MetricSource.SelfReport : null),
            request.Id,
            ModelSettings.Provenance(context) == MemberMetricProvenance.None ? null : recordedIn);
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

    // The message never describes the stored value: the id may belong to another member's value.
    private static MemberMetric SameOrConflict(MemberMetric stored, MemberMetric requested) =>
        stored.RecordsSameAs(requested)
            ? stored
            : throw new MetricConflictException(
                $"The member metric id {requested.Id} is already used for a different value; a retry must send the same member, definition, value, time and source.");

    private static MetricNotFoundException? Translate(PostgresException error, RecordMetricRequest request) =>
        (error.SqlState, error.ConstraintName) switch
        {
            (ChangeSaver.ForeignKeyViolation, SchemaNames.MemberMetrics.MemberForeignKey) => new MetricNotFoundException("member", request.MemberId),
            (ChangeSaver.ForeignKeyViolation, SchemaNames.MemberMetrics.DefinitionForeignKey) =>
                new MetricNotFoundException("metric definition", request.DefinitionId),
            _ => null,
        };
}
