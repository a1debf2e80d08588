using MetricSets.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MetricSets.AspNetCore.Endpoints;

/// <summary>One member's values: record, import, delete, history, last N, latest and personal bests.</summary>
internal static class MemberMetricEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapPost("/members/{memberId}/metrics", RecordAsync)
            .WithName("MetricSets.RecordValue")
            .WithSummary("Record a value for a member.")
            .WithDescription("The member themself (a self-report) or staff of the organization records one value; give an id to make retries idempotent. Answers 201 with the stored value.")
            .Accepts<RecordValueBody>("application/json");
        org.MapPost("/metrics/import", ImportAsync)
            .WithName("MetricSets.ImportValues")
            .WithSummary("Import many values at once, all or nothing.")
            .WithDescription("Each row names its member. Every row is checked before anything is written; a bad row answers 400 invalid-batch listing each bad row's index, field and reason, and nothing is written.")
            .Accepts<ImportBody>("application/json");
        org.MapDelete("/member-metrics/{valueId}", DeleteAsync)
            .WithName("MetricSets.DeleteValue")
            .WithSummary("Delete one recorded value.")
            .WithDescription("A member deletes their own self-reports; staff delete values recorded in this organization. A value the viewer may not delete answers exactly like a missing one.");
        org.MapGet("/members/{memberId}/metrics/{definitionId}/history", HistoryAsync)
            .WithName("MetricSets.History")
            .WithSummary("A member's values of one definition in a time range, oldest first, keyset-paged.")
            .WithDescription("from and to are ISO 8601 instants (from inclusive, to exclusive); pass nextCursor back as cursor with the same query for the next page.");
        org.MapGet("/members/{memberId}/metrics/last", LastAsync)
            .WithName("MetricSets.LastValues")
            .WithSummary("The last count values of each definition, newest first.");
        org.MapGet("/members/{memberId}/metrics/latest", LatestAsync)
            .WithName("MetricSets.LatestValues")
            .WithSummary("The latest value of each definition.");
        org.MapGet("/members/{memberId}/metrics/bests", PersonalBestsAsync)
            .WithName("MetricSets.PersonalBests")
            .WithSummary("The personal best of each definition whose kind has a direction.");
    }

    private static Task<Results<Created<ReadingResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> RecordAsync(
        OrganizationId orgId, UserId memberId, HttpContext http, IMetricCatalog catalog, IMemberMetricRecorder recorder) =>
        Guard.WriteAsync(http, async () =>
        {
            var body = await JsonBody.ReadAsync<RecordValueBody>(http).ConfigureAwait(false);
            if (body.MemberId is { } other && other != memberId)
            {
                throw new MetricValidationException("memberId", null, "The body's memberId differs from the route's; leave it out.");
            }

            var definitionId = await ValueRows.DefinitionIdAsync(body, catalog, http.RequestAborted).ConfigureAwait(false);
            var request = ValueRows.ToRequest(body, memberId, definitionId);
            var recorded = await recorder.RecordAsync(RequestViewer.Get(http), request, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created(
                $"{http.Request.PathBase}{http.Request.Path}/{recorded.DefinitionId}/history",
                ReadingResponse.From(recorded, recorded.Value.Unit));
        });

    private static Task<Results<Ok<ImportResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> ImportAsync(
        OrganizationId orgId, HttpContext http, IMetricCatalog catalog, IMemberMetricRecorder recorder, IOptions<MetricSetsEndpointOptions> options) =>
        Guard.WriteAsync(http, async () =>
        {
            var body = await JsonBody.ReadAsync<ImportBody>(http).ConfigureAwait(false);
            var rows = body.Rows ?? throw new MetricValidationException("rows", null, "An import needs \"rows\": an array of values, each with its memberId.");
            if (rows.Count == 0 || rows.Count > options.Value.MaxImportRows)
            {
                throw new MetricValidationException("rows", rows.Count, $"An import holds 1 to {options.Value.MaxImportRows} rows; this one has {rows.Count}. Split larger files into several requests.");
            }

            var requests = await ValueRows.ToRequestsAsync(rows, catalog, http.RequestAborted).ConfigureAwait(false);
            var result = await recorder.RecordManyAsync(RequestViewer.Get(http), requests, options: null, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Ok(ImportResponse.From(result));
        });

    private static Task<Results<NoContent, BadRequestProblem, NotFoundProblem, ConflictProblem>> DeleteAsync(
        OrganizationId orgId, MemberMetricId valueId, HttpContext http, IMemberMetricRecorder recorder) =>
        Guard.WriteAsync(http, async () =>
        {
            await recorder.DeleteAsync(RequestViewer.Get(http), valueId, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

    private static Task<Results<Ok<PageResponse<ReadingResponse>>, BadRequestProblem, NotFoundProblem>> HistoryAsync(
        OrganizationId orgId,
        UserId memberId,
        MetricDefinitionId definitionId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? pageSize,
        string? cursor,
        string? units,
        HttpContext http,
        IMetricCatalog catalog,
        DefinitionUnits definitionUnits,
        IMemberMetricReader reader) =>
        Guard.ReadAsync(http, async () =>
        {
            var preference = RequestOptions.Units(units);
            var query = new MetricHistoryQuery(memberId, definitionId)
            {
                Interval = Interval(from, to),
                PageSize = pageSize ?? MetricLimits.DefaultHistoryPageSize,
                Cursor = cursor,
            };
            var page = await reader.GetHistoryAsync(RequestViewer.Get(http), query, http.RequestAborted).ConfigureAwait(false);
            var unit = (await definitionUnits.ForAsync([definitionId], preference, catalog, http.RequestAborted).ConfigureAwait(false))(definitionId);
            return TypedResults.Ok(new PageResponse<ReadingResponse>([.. page.Items.Select(reading => ReadingResponse.From(reading, unit))], page.NextCursor));
        });

    private static Task<Results<Ok<Dictionary<MetricDefinitionId, IReadOnlyList<ReadingResponse>>>, BadRequestProblem, NotFoundProblem>> LastAsync(
        OrganizationId orgId,
        UserId memberId,
        [FromQuery(Name = "definitionId")] MetricDefinitionId[] definitionIds,
        int? count,
        string? units,
        HttpContext http,
        IMetricCatalog catalog,
        DefinitionUnits definitionUnits,
        IMemberMetricReader reader) =>
        Guard.ReadAsync(http, async () =>
        {
            var preference = RequestOptions.Units(units);
            var last = await reader.GetLastAsync(RequestViewer.Get(http), memberId, Definitions(definitionIds), count ?? 1, http.RequestAborted).ConfigureAwait(false);
            var unitOf = await definitionUnits.ForAsync(last.Keys, preference, catalog, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Ok(last.ToDictionary(
                pair => pair.Key,
                pair => (IReadOnlyList<ReadingResponse>)[.. pair.Value.Select(reading => ReadingResponse.From(reading, unitOf(pair.Key)))]));
        });

    private static Task<Results<Ok<Dictionary<MetricDefinitionId, ReadingResponse>>, BadRequestProblem, NotFoundProblem>> LatestAsync(
        OrganizationId orgId,
        UserId memberId,
        [FromQuery(Name = "definitionId")] MetricDefinitionId[] definitionIds,
        string? units,
        HttpContext http,
        IMetricCatalog catalog,
        DefinitionUnits definitionUnits,
        IMemberMetricReader reader) =>
        OnePerDefinitionAsync(http, definitionIds, units, catalog, definitionUnits, (viewer, ids, cancellationToken) => reader.GetLatestAsync(viewer, memberId, ids, cancellationToken));

    private static Task<Results<Ok<Dictionary<MetricDefinitionId, ReadingResponse>>, BadRequestProblem, NotFoundProblem>> PersonalBestsAsync(
        OrganizationId orgId,
        UserId memberId,
        [FromQuery(Name = "definitionId")] MetricDefinitionId[] definitionIds,
        string? units,
        HttpContext http,
        IMetricCatalog catalog,
        DefinitionUnits definitionUnits,
        IMemberMetricReader reader) =>
        OnePerDefinitionAsync(http, definitionIds, units, catalog, definitionUnits, (viewer, ids, cancellationToken) => reader.GetPersonalBestsAsync(viewer, memberId, ids, cancellationToken));

    // A read that answers at most one value per definition (latest, best), converted to the unit preference.
    private static Task<Results<Ok<Dictionary<MetricDefinitionId, ReadingResponse>>, BadRequestProblem, NotFoundProblem>> OnePerDefinitionAsync(
        HttpContext http,
        MetricDefinitionId[] definitionIds,
        string? units,
        IMetricCatalog catalog,
        DefinitionUnits definitionUnits,
        Func<MetricViewer, IReadOnlyCollection<MetricDefinitionId>, CancellationToken, Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>>> read) =>
        Guard.ReadAsync(http, async () =>
        {
            var preference = RequestOptions.Units(units);
            var readings = await read(RequestViewer.Get(http), Definitions(definitionIds), http.RequestAborted).ConfigureAwait(false);
            var unitOf = await definitionUnits.ForAsync(readings.Keys, preference, catalog, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Ok(readings.ToDictionary(pair => pair.Key, pair => ReadingResponse.From(pair.Value, unitOf(pair.Key))));
        });

    private static MetricDefinitionId[] Definitions(MetricDefinitionId[] definitionIds) =>
        definitionIds.Length > 0
            ? [.. definitionIds.Distinct()]
            : throw new MetricValidationException("definitionId", null, "Name at least one definition: ?definitionId=…&definitionId=….");

    /// <exception cref="MetricValidationException">The interval ends before it starts.</exception>
    private static Interval Interval(DateTimeOffset? from, DateTimeOffset? to)
    {
        Instant? start = from is { } f ? Instant.FromDateTimeOffset(f) : null;
        Instant? end = to is { } t ? Instant.FromDateTimeOffset(t) : null;
        return start > end
            ? throw new MetricValidationException("to", null, "The interval ends before it starts: 'to' must not be earlier than 'from'.")
            : new Interval(start, end);
    }
}
