using System.Diagnostics;
using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// Each public service call is one span of the <c>MetricSets</c> source, named after its operation, tagged with its
/// outcome, marked as an error (with <c>error.type</c>) when it failed; the SQL it sends is Npgsql's child spans of it.
/// </summary>
public sealed class OperationSpanTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_operation_is_one_span_named_after_it_with_the_outcome_ok()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        using var trace = new TraceCapture();

        await EveryOperation.RunAsync(scope, database);

        var spans = trace.Spans;
        Assert.Equal(EveryOperation.SpanNames.Order(), spans.Select(span => span.OperationName).Distinct().Order());
        Assert.All(spans, span =>
        {
            Assert.Equal(ActivityKind.Internal, span.Kind);
            Assert.Equal(span.OperationName, $"metricsets.{span.GetTagItem("metricsets.operation")}");
            Assert.Equal("ok", span.GetTagItem("metricsets.outcome"));
            Assert.Null(span.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            Assert.False(string.IsNullOrEmpty(span.Source.Version));
        });

        // One span per call: an operation that calls another internally (FindLatest → GetLatest → GetLast) is still one.
        Assert.Single(spans, span => span.OperationName == "metricsets.find_latest");
        Assert.DoesNotContain(spans, span => span.Parent?.Source.Name == MetricSetsDiagnostics.ActivitySourceName);
    }

    [Fact]
    public async Task The_library_SQL_statements_are_child_spans_of_the_call()
    {
        var member = await database.AddUserAsync();
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        using var trace = new TraceCapture();

        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new RecordMetricRequest(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)));
        await scope.Reader.GetHistoryAsync(MetricViewer.ForMember(member), new MetricHistoryQuery(member, squat.Id));

        foreach (var span in trace.Spans)
        {
            Assert.Contains(trace.SqlSpans, sql => sql.ParentSpanId == span.SpanId);
        }

        Assert.All(trace.SqlSpans, sql => Assert.Contains(trace.Spans, span => span.SpanId == sql.ParentSpanId));
    }

    [Fact]
    public async Task A_missing_resource_is_not_found()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        using var trace = new TraceCapture();

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.GetAsync(MetricViewer.ForMember(UserId.New()), MetricSetId.New()));

        AssertFailed(trace.Span("metricsets.get_set"), "not_found", "not_found");
    }

    [Fact]
    public async Task Bad_input_is_invalid()
    {
        var member = await database.AddUserAsync();
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        using var trace = new TraceCapture();

        var future = new RecordMetricRequest(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { RecordedAt = scope.Clock.GetCurrentInstant() + Duration.FromDays(1) };
        await Assert.ThrowsAsync<MetricValidationException>(() => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), future));
        await Assert.ThrowsAsync<MetricBatchValidationException>(() => scope.Recorder.RecordManyAsync(MetricViewer.ForMember(member), [future]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), null!));

        var spans = trace.Spans;
        AssertFailed(spans[0], "invalid", "invalid_value");
        AssertFailed(spans[1], "invalid", "invalid_batch");
        AssertFailed(spans[2], "invalid", "System.ArgumentNullException");
    }

    [Fact]
    public async Task A_clash_with_the_stored_state_is_a_conflict()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        using var trace = new TraceCapture();

        await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Catalog.CreateAsync(new CatalogEntry(squat.Slug, squat.Name, squat.Unit, squat.Kind)));

        AssertFailed(trace.Span("metricsets.create_definition"), "conflict", "slug_in_use");
    }

    [Fact]
    public async Task A_refusal_is_told_apart_from_a_missing_resource_and_marked_on_the_span()
    {
        var (member, gym) = (await database.AddUserAsync(), OrganizationId.New());
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        scope.Directory.AddMember(member, gym);
        var outsider = scope.StaffOf(OrganizationId.New());
        using var trace = new TraceCapture();

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(outsider, member, squat.Id));
        var listed = await scope.Sets.ListByOwnerAsync(outsider, MetricOwner.ForMember(member));

        var read = trace.Span("metricsets.find_latest");
        AssertFailed(read, "refused", "not_found");
        var refusal = Assert.Single(read.Events);
        Assert.Equal("metricsets.access.refused", refusal.Name);
        Assert.Equal(
            [("metricsets.access.operation", "read_values"), ("metricsets.viewer.role", "staff"), ("metricsets.access.reason", "not_granted")],
            refusal.Tags.Select(tag => (tag.Key, (string)tag.Value!)));

        // Refused, but the call returned (an empty list): the outcome says so, and nothing failed.
        Assert.Empty(listed);
        var list = trace.Span("metricsets.list_sets");
        Assert.Equal("refused", list.GetTagItem("metricsets.outcome"));
        Assert.Null(list.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, list.Status);
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_and_not_an_error()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        using var trace = new TraceCapture();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.Catalog.ListAsync(cancelled.Token));

        var span = trace.Span("metricsets.list_definitions");
        Assert.Equal("cancelled", span.GetTagItem("metricsets.outcome"));
        Assert.EndsWith("CanceledException", (string)span.GetTagItem("error.type")!, StringComparison.Ordinal);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_database_fault_is_an_error_named_by_the_exception_type()
    {
        // A database that does not exist: the server answers every statement with an error.
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "metricsets_no_such_database" }.ConnectionString;
        await using var scope = new ServiceScope(missing);
        using var trace = new TraceCapture();

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => scope.Catalog.ListAsync());

        AssertFailed(trace.Span("metricsets.list_definitions"), "error", "Npgsql.PostgresException");
    }

    private static void AssertFailed(Activity span, string outcome, string errorType)
    {
        Assert.Equal(outcome, span.GetTagItem("metricsets.outcome"));
        Assert.Equal(errorType, span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(errorType, span.StatusDescription);
    }
}
