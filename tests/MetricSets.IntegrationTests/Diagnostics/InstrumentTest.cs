using System.Diagnostics.Metrics;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// The instruments of the <c>MetricSets</c> meter: values recorded (single and bulk) and replayed, refusals by operation
/// and reason, conflicts by code, and the duration of every call.
/// </summary>
public sealed class InstrumentTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Recorded = "metricsets.values.recorded";
    private const string AlreadyRecorded = "metricsets.values.already_recorded";

    [Fact]
    public async Task Recorded_values_are_counted_by_mode_and_replays_apart()
    {
        var member = await database.AddUserAsync();
        await using var scope = new ServiceScope(database.ConnectionString);
        using var measurements = new MeasurementCapture(scope.Get<IMeterFactory>());
        var squat = await scope.BackSquatAsync();
        var self = MetricViewer.ForMember(member);
        var single = new RecordMetricRequest(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };
        RecordMetricRequest[] batch =
        [
            .. Enumerable.Range(1, 3).Select(amount => new RecordMetricRequest(member, squat.Id, MetricValue.Of(amount, MetricUnit.Kilogram)) { Id = MemberMetricId.New() }),
        ];

        await scope.Recorder.RecordAsync(self, single);
        await scope.Recorder.RecordAsync(self, single); // the same id and content: an idempotent replay
        await scope.Recorder.RecordManyAsync(self, batch);
        await scope.Recorder.RecordManyAsync(self, [.. batch, new RecordMetricRequest(member, squat.Id, MetricValue.Of(4, MetricUnit.Kilogram))]);

        Assert.Equal(1, measurements.Sum(Recorded, ("metricsets.recording.mode", "single")));
        Assert.Equal(1, measurements.Sum(AlreadyRecorded, ("metricsets.recording.mode", "single")));
        Assert.Equal(4, measurements.Sum(Recorded, ("metricsets.recording.mode", "bulk")));
        Assert.Equal(3, measurements.Sum(AlreadyRecorded, ("metricsets.recording.mode", "bulk")));
        Assert.All(measurements.Of(Recorded).Concat(measurements.Of(AlreadyRecorded)), m => Assert.Equal("{value}", m.Unit));
    }

    [Fact]
    public async Task A_failed_recording_counts_nothing()
    {
        var member = await database.AddUserAsync();
        await using var scope = new ServiceScope(database.ConnectionString);
        using var measurements = new MeasurementCapture(scope.Get<IMeterFactory>());
        var squat = await scope.BackSquatAsync();
        var id = MemberMetricId.New();
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new RecordMetricRequest(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Id = id });

        // The id again with another value: a conflict, not a replay.
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordAsync(
            MetricViewer.ForMember(member), new RecordMetricRequest(member, squat.Id, MetricValue.Of(101, MetricUnit.Kilogram)) { Id = id }));

        Assert.Equal(1, measurements.Sum(Recorded));
        Assert.Equal(0, measurements.Sum(AlreadyRecorded));
        Assert.Equal(1, measurements.Sum("metricsets.conflicts", ("metricsets.operation", "record"), ("error.type", "id_in_use")));
    }

    [Fact]
    public async Task Refusals_are_counted_by_operation_role_and_reason_code()
    {
        var (member, gym, vetoed) = (await database.AddUserAsync(), OrganizationId.New(), UserId.New());
        var reason = "no-coaches-on-sundays";
        await using var scope = new ServiceScope(
            database.ConnectionString, services: s => s.AddScoped<IMetricAccessHandler>(_ => new VetoRule(v => v.UserId == vetoed ? reason : null)));
        using var measurements = new MeasurementCapture(scope.Get<IMeterFactory>());
        var squat = await scope.BackSquatAsync();
        scope.Directory.AddMember(member, gym);
        var outsider = scope.StaffOf(OrganizationId.New());

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(outsider, member, squat.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Leaderboards.GetLeaderboardAsync(outsider, new MetricLeaderboardQuery(gym, squat.Id)));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(MetricViewer.ForMember(vetoed), vetoed, squat.Id));

        // A reason that is not a well-formed code (here it names a user) is counted as "vetoed", never as itself.
        reason = $"blocked user {member}";
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(MetricViewer.ForMember(vetoed), vetoed, squat.Id));

        const string refusals = "metricsets.access.refusals";
        Assert.Equal(1, measurements.Sum(refusals, ("metricsets.access.operation", "read_values"), ("metricsets.viewer.role", "staff"), ("metricsets.access.reason", "not_granted")));
        Assert.Equal(1, measurements.Sum(refusals, ("metricsets.access.operation", "read_organization"), ("metricsets.access.reason", "not_granted")));
        Assert.Equal(1, measurements.Sum(refusals, ("metricsets.viewer.role", "member"), ("metricsets.access.reason", "no-coaches-on-sundays")));
        Assert.Equal(1, measurements.Sum(refusals, ("metricsets.access.reason", "vetoed")));
        Assert.Equal(4, measurements.Sum(refusals));
    }

    [Fact]
    public async Task Every_call_records_its_duration_in_seconds_with_its_operation_and_outcome()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        using var measurements = new MeasurementCapture(scope.Get<IMeterFactory>());

        await EveryOperation.RunAsync(scope, database);
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Catalog.GetAsync(MetricDefinitionId.New()));

        var durations = measurements.Of("metricsets.operation.duration");
        Assert.All(durations, m => Assert.Equal("s", m.Unit));
        Assert.All(durations, m => Assert.True(m.Value > 0));
        Assert.Equal(EveryOperation.SpanNames.Select(name => name["metricsets.".Length..]).Order(), durations.Select(m => (string)m.Tags["metricsets.operation"]!).Distinct().Order());
        var failed = Assert.Single(durations, m => (string)m.Tags["metricsets.outcome"]! != "ok");
        Assert.Equal(("get_definition", "not_found", "not_found"), ((string)failed.Tags["metricsets.operation"]!, (string)failed.Tags["metricsets.outcome"]!, (string)failed.Tags["error.type"]!));
    }

    [Fact]
    public async Task The_duration_histogram_advises_OpenTelemetry_bucket_boundaries_for_database_operations()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        IReadOnlyList<double>? boundaries = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument is Histogram<double> { Name: "metricsets.operation.duration" } histogram && instrument.Meter.Scope == scope.Get<IMeterFactory>())
                {
                    boundaries = histogram.Advice?.HistogramBucketBoundaries;
                }
            },
        };
        listener.Start();

        await scope.Catalog.ListAsync();

        Assert.Equal([0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10], boundaries);
    }

    /// <summary>Vetoes the viewers it is told to, with a reason.</summary>
    private sealed class VetoRule(Func<MetricViewer, string?> veto) : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            if (veto(context.Viewer) is { } reason)
            {
                context.Fail(reason);
            }

            return ValueTask.CompletedTask;
        }
    }
}
