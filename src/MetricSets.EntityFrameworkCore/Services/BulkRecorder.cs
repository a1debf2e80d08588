using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Commands;
using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// Bulk recording: every row is read, validated and authorized (the access policy once per distinct member) before
/// anything is written; then all rows are written with binary COPY in one transaction.
/// </summary>
internal sealed class BulkRecorder(DbContext context, MetricAccessPolicy policy, RecordingRules rules)
{
    private static readonly RecordManyOptions Defaults = new();

    public async Task<RecordManyResult> RecordManyAsync(
        MetricViewer actor, IEnumerable<RecordMetricRequest> requests, RecordManyOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requests);
        options ??= Defaults;
        if (options.ProgressInterval < 1)
        {
            throw new MetricValidationException(
                nameof(options.ProgressInterval), options.ProgressInterval, $"RecordManyOptions.ProgressInterval is {options.ProgressInterval}; it must be at least 1.");
        }

        var batch = requests.ToList();
        Report(options, RecordManyStage.Validating, 0, batch.Count);
        if (batch.Count == 0)
        {
            Report(options, RecordManyStage.Completed, 0, 0);
            return new RecordManyResult { Total = 0, Recorded = 0 };
        }

        var errors = new Errors();
        var recordedIn = await AuthorizeAsync(actor, batch, cancellationToken).ConfigureAwait(false);
        var definitions = await DefinitionsAsync(batch, cancellationToken).ConfigureAwait(false);
        var missingMembers = await RecordManyCommand.FindMissingMembersAsync(context, recordedIn.Keys, cancellationToken).ConfigureAwait(false);
        var missingOrganizations = await RecordManyCommand.FindMissingOrganizationsAsync(context, recordedIn.Values.OfType<OrganizationId>(), cancellationToken)
            .ConfigureAwait(false);
        if (missingOrganizations.Count > 0)
        {
            // The organization the actor records in: not a fault of any row, and nothing can be written.
            throw new MetricNotFoundException(MetricEntity.Organization, missingOrganizations.First());
        }

        var now = rules.Now();
        var rows = new List<RecordManyCommand.Row>(batch.Count);
        for (var index = 0; index < batch.Count; index++)
        {
            if (Validate(actor, batch[index], index, now, definitions, missingMembers, recordedIn, errors) is { } row)
            {
                rows.Add(row);
            }

            if ((index + 1) % options.ProgressInterval == 0)
            {
                Report(options, RecordManyStage.Validating, index + 1, batch.Count);
            }
        }

        if (errors.Count > 0)
        {
            throw new MetricBatchValidationException(nameof(requests), errors.Listed, errors.Count);
        }

        Report(options, RecordManyStage.Writing, 0, batch.Count);
        var recorded = await RecordManyCommand.RunAsync(
            context,
            rows,
            // PostgreSQL refuses COPY into a table under row-level security: then the rows go through the staging table,
            // and RLS checks the INSERT … SELECT that moves them.
            direct: batch.TrueForAll(request => request.Id is null) && RowLevelSecurityViewer.Current is null,
            written => Report(options, RecordManyStage.Writing, written, batch.Count),
            options.ProgressInterval,
            cancellationToken).ConfigureAwait(false);
        Report(options, RecordManyStage.Completed, batch.Count, batch.Count);
        return new RecordManyResult { Total = batch.Count, Recorded = recorded };
    }

    private RecordManyCommand.Row? Validate(
        MetricViewer actor,
        RecordMetricRequest? request,
        int index,
        NodaTime.Instant now,
        Dictionary<MetricDefinitionId, MetricDefinition> definitions,
        HashSet<UserId> missingMembers,
        Dictionary<UserId, OrganizationId?> recordedIn,
        Errors errors)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            var source = rules.SourceOf(actor, request);
            var recordedAt = rules.RecordedAtOf(request, now);
            if (!definitions.TryGetValue(request.DefinitionId, out var definition))
            {
                throw new MetricValidationException(nameof(request.DefinitionId), request.DefinitionId, $"The metric definition '{request.DefinitionId}' does not exist.");
            }

            if (missingMembers.Contains(request.MemberId))
            {
                throw new MetricValidationException(nameof(request.MemberId), request.MemberId, $"The member '{request.MemberId}' does not exist.");
            }

            var metric = MemberMetric.Record(
                definition, request.MemberId, request.Value, recordedAt, source, request.Id ?? MemberMetricId.New(), recordedIn[request.MemberId]);
            return new RecordManyCommand.Row(metric, request.RecordedAt is not null);
        }
        catch (MetricValidationException exception)
        {
            errors.Add(new MetricBatchError(index, exception.ParameterName, exception.Message));
            return null;
        }
        catch (ArgumentNullException)
        {
            errors.Add(new MetricBatchError(index, "request", "The row is null."));
            return null;
        }
    }

    // The policy once per distinct member and source, in the order they first appear (so a host rule that decides by
    // source sees every source of the batch): a refusal stops the batch before any write. The directory is asked each
    // question once for the whole batch.
    private async Task<Dictionary<UserId, OrganizationId?>> AuthorizeAsync(MetricViewer actor, List<RecordMetricRequest> batch, CancellationToken cancellationToken)
    {
        var provenance = ModelSettings.Provenance(context);
        var access = policy.Begin(context);
        var recordedIn = new Dictionary<UserId, OrganizationId?>();
        foreach (var (member, source) in batch.Where(request => request is not null).Select(request => (request.MemberId, SourceOrNull(actor, request))).Distinct())
        {
            var organization = await access.RecordForMemberAsync(actor, member, source, cancellationToken).ConfigureAwait(false);
            recordedIn.TryAdd(member, provenance == MemberMetricProvenance.None ? null : organization);
        }

        return recordedIn;
    }

    // The row's source as it would be recorded; null when the actor may not use it (the row fails validation anyway).
    private MetricSource? SourceOrNull(MetricViewer actor, RecordMetricRequest request)
    {
        try
        {
            return rules.SourceOf(actor, request);
        }
        catch (MetricValidationException)
        {
            return null;
        }
    }

    private async Task<Dictionary<MetricDefinitionId, MetricDefinition>> DefinitionsAsync(List<RecordMetricRequest> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Where(request => request is not null).Select(request => request.DefinitionId).Distinct().ToList();
        var definitions = await context.Set<MetricDefinition>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, cancellationToken).ConfigureAwait(false);
        foreach (var definition in definitions.Values)
        {
            Queries.MetricSetsTables.Of(context).KnownDefinitions.Remember(definition);
        }

        return definitions;
    }

    private static void Report(RecordManyOptions options, RecordManyStage stage, int processed, int total) =>
        options.Progress?.Report(new RecordManyProgress(stage, processed, total));

    private sealed class Errors
    {
        public List<MetricBatchError> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(MetricBatchError error)
        {
            Count++;
            if (Listed.Count < MetricBatchValidationException.MaxListedErrors)
            {
                Listed.Add(error);
            }
        }
    }
}
