using MetricSets.AspNetCore.Http;
using NodaTime;

namespace MetricSets.AspNetCore.Endpoints;

/// <summary>Turns value bodies into recording requests: the definition by id or slug, the value, the optional fields.</summary>
internal static class ValueRows
{
    /// <summary>
    /// The definition the body names: its id as given (the recorder reports an unknown one, from its own cache of
    /// definitions, in the statement that records), or the id of the definition with its slug.
    /// </summary>
    public static async ValueTask<MetricDefinitionId> DefinitionIdAsync(RecordValueBody body, IMetricCatalog catalog, CancellationToken cancellationToken) =>
        (body.DefinitionId, body.Slug) switch
        {
            ({ } id, null) => id,
            (null, { } slug) => (await catalog.FindBySlugAsync(slug, cancellationToken).ConfigureAwait(false))?.Id
                ?? throw new MetricNotFoundException(MetricEntity.MetricDefinition, slug.Value),
            _ => throw new MetricValidationException("definitionId", null, "Name the definition by exactly one of definitionId and slug."),
        };

    public static RecordMetricRequest ToRequest(RecordValueBody body, UserId memberId, MetricDefinitionId definitionId) =>
        new(memberId, definitionId, body.Value ?? throw new MetricValidationException("value", null, "A value needs \"value\": {\"amount\": …, \"unit\": \"…\"}."))
        {
            RecordedAt = body.RecordedAt is { } at ? Instant.FromDateTimeOffset(at) : null,
            Source = body.Source,
            Id = body.Id,
        };

    /// <summary>
    /// Every row's request, or one <see cref="MetricBatchValidationException"/> listing every row that names no member,
    /// no (or an unknown) definition, or no value; the library then checks the rest of each row.
    /// </summary>
    public static async Task<List<RecordMetricRequest>> ToRequestsAsync(IReadOnlyList<RecordValueBody?> rows, IMetricCatalog catalog, CancellationToken cancellationToken)
    {
        var definitions = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        var ids = definitions.Select(definition => definition.Id).ToHashSet();
        var bySlug = definitions.ToDictionary(definition => definition.Slug);
        var requests = new List<RecordMetricRequest>(rows.Count);
        var errors = new List<MetricBatchError>();
        for (var index = 0; index < rows.Count; index++)
        {
            try
            {
                var row = rows[index] ?? throw new MetricValidationException("row", null, "The row is null.");
                var member = row.MemberId is { IsEmpty: false } id ? id : throw new MetricValidationException("memberId", null, "Each row names its member: memberId.");
                var definition = (row.DefinitionId, row.Slug) switch
                {
                    ({ } definitionId, null) when ids.Contains(definitionId) => definitionId,
                    (null, { } slug) when bySlug.TryGetValue(slug, out var found) => found.Id,
                    (null, null) or ({ }, { }) => throw new MetricValidationException("definitionId", null, "Name the definition by exactly one of definitionId and slug."),
                    _ => throw new MetricValidationException("definitionId", null, "No metric definition has that id or slug."),
                };
                requests.Add(ToRequest(row, member, definition));
            }
            catch (MetricValidationException error)
            {
                errors.Add(new MetricBatchError(index, error.ParameterName, error.Message));
            }
        }

        return errors.Count == 0 ? requests : throw new MetricBatchValidationException("rows", errors, errors.Count);
    }
}
