using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Commands;
using MetricSets.EntityFrameworkCore.Diagnostics;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Replicas;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// The <see cref="IMemberMetricRecorder"/> over the host's context: the access policy, then one statement of the library's
/// own (never the change tracker), retried by the context's execution strategy.
/// </summary>
internal sealed class MemberMetricRecorder<TContext>(TContext context, MetricAccessPolicy policy, RecordingRules rules, ReadSession<TContext> session)
    : IMemberMetricRecorder
    where TContext : DbContext
{
    public async Task<MetricReading> RecordAsync(MetricViewer actor, RecordMetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var source = rules.SourceOf(actor, request);
        var recordedAt = rules.RecordedAtOf(request, rules.Now());
        session.Wrote();

        // The policy first: an actor C# refuses touches nothing of ours in the database; with mapped memberships the
        // statement itself decides, in the same snapshot as the insert.
        var access = policy.Begin(context);
        var (statementAccess, recordedIn) = await access.BeforeRecordingAsync(actor, request.MemberId, source, cancellationToken).ConfigureAwait(false);
        if (ModelSettings.Provenance(context) == MemberMetricProvenance.None)
        {
            recordedIn = null;
        }

        var definition = await DefinitionAsync(request.DefinitionId, cancellationToken).ConfigureAwait(false);

        // The id is minted once, before the first attempt, so a retried statement can only find its own row again.
        var metric = MemberMetric.Record(definition, request.MemberId, request.Value, recordedAt, source, request.Id ?? MemberMetricId.New(), recordedIn);
        var result = await RecordCommand.RunAsync(context, statementAccess, metric, definition, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == RecordCommand.Outcome.DefinitionChanged)
        {
            // The cached definition was stale (the catalogue was edited by hand): validate against the stored one, once.
            definition = await ReadDefinitionAsync(request.DefinitionId, cancellationToken).ConfigureAwait(false);
            metric = MemberMetric.Record(definition, request.MemberId, request.Value, recordedAt, source, metric.Id, recordedIn);
            result = await RecordCommand.RunAsync(context, statementAccess, metric, definition, cancellationToken).ConfigureAwait(false);
        }

        var stored = result.Outcome switch
        {
            RecordCommand.Outcome.Inserted => null,
            RecordCommand.Outcome.Refused => throw access.RecordingRefused(actor, request.MemberId, source),
            RecordCommand.Outcome.IdTaken => result.Stored,
            RecordCommand.Outcome.IdTakenConcurrently => await RecordCommand.FindAsync(context, metric.Id, cancellationToken).ConfigureAwait(false),
            RecordCommand.Outcome.MemberMissing => throw new MetricNotFoundException(MetricEntity.Member, request.MemberId),
            RecordCommand.Outcome.OrganizationMissing => throw new MetricNotFoundException(MetricEntity.Organization, recordedIn!.Value),
            RecordCommand.Outcome.DefinitionMissing => throw DefinitionNotFound(request.DefinitionId),
            _ => throw new InvalidOperationException(
                $"Metric definition {request.DefinitionId} changed while a value was recorded for it; its unit and kind must never change."),
        };

        if (result.Outcome == RecordCommand.Outcome.Inserted)
        {
            return ToReading(metric);
        }

        // The message never describes the stored value: the id may belong to another member's value — one that
        // row-level security even hides from this session (then taken, but not readable).
        return stored is not null && stored.RecordsSameAs(metric, compareTime: request.RecordedAt is not null)
            ? OperationScope.Replayed(stored.ToReading())
            : throw new MetricConflictException(
                MetricErrorCode.IdInUse,
                $"The member metric id {metric.Id} is already used for a different value; a retry must send the same member, definition, value and source (and time, when it sets one).");
    }

    public async Task DeleteAsync(MetricViewer actor, MemberMetricId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        session.Wrote();
        var stored = await RecordCommand.FindAsync(context, id, cancellationToken).ConfigureAwait(false);
        var allowed = stored is not null && await policy.Begin(context).CanDeleteAsync(
            actor,
            stored.MemberId,
            stored.RecordedIn is { } organization ? new OrganizationId(organization) : null,
            stored.Source is not null && MetricSource.TryParse(stored.Source, out var source) ? source : null,
            cancellationToken).ConfigureAwait(false);

        // A value the actor may not delete answers like one that does not exist.
        if (!allowed || !await RecordCommand.DeleteAsync(context, stored!, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException(MetricEntity.MemberMetric, id);
        }
    }

    public Task<RecordManyResult> RecordManyAsync(
        MetricViewer actor, IEnumerable<RecordMetricRequest> requests, RecordManyOptions? options = null, CancellationToken cancellationToken = default)
    {
        session.Wrote();
        return new BulkRecorder(context, policy, rules).RecordManyAsync(actor, requests, options, cancellationToken);
    }

    private async Task<MetricDefinition> DefinitionAsync(MetricDefinitionId id, CancellationToken cancellationToken) =>
        MetricSetsTables.Of(context).KnownDefinitions.Find(id) ?? await ReadDefinitionAsync(id, cancellationToken).ConfigureAwait(false);

    private async Task<MetricDefinition> ReadDefinitionAsync(MetricDefinitionId id, CancellationToken cancellationToken)
    {
        var definition = await context.Set<MetricDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw DefinitionNotFound(id);
        MetricSetsTables.Of(context).KnownDefinitions.Remember(definition);
        return definition;
    }

    private MetricNotFoundException DefinitionNotFound(MetricDefinitionId id)
    {
        MetricSetsTables.Of(context).KnownDefinitions.Forget(id);
        return new MetricNotFoundException(MetricEntity.MetricDefinition, id);
    }

    private static MetricReading ToReading(MemberMetric metric) =>
        new()
        {
            Id = metric.Id,
            MemberId = metric.MemberId,
            DefinitionId = metric.DefinitionId,
            Value = metric.Value,
            RecordedAt = metric.RecordedAt,
            Source = metric.Source,
            RecordedIn = metric.RecordedIn,
        };
}
