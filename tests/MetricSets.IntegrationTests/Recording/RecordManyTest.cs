using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Recording;

/// <summary>Bulk recording: all rows validated and authorized first, then written with COPY, all or nothing.</summary>
public sealed class RecordManyTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Thousands_of_values_are_recorded_and_the_policy_is_asked_once_per_member()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 50);
        await using var _ = scope;
        var now = scope.Clock.GetCurrentInstant();
        var requests = Enumerable.Range(0, 5000)
            .Select(i => new RecordMetricRequest(members[i % 50], squat.Id, MetricValue.Of(40 + (i % 200), i % 3 == 0 ? MetricUnit.Pound : MetricUnit.Kilogram))
            {
                RecordedAt = now - Duration.FromMinutes(i), Source = MetricSource.CoachInput,
            })
            .ToList();
        var callsBefore = scope.Directory.Calls;

        var result = await scope.Recorder.RecordManyAsync(staff, requests);

        Assert.Equal((5000, 5000, 0), (result.Total, result.Recorded, result.AlreadyRecorded));
        Assert.Equal(5000L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE definition_id = $1", squat.Id.Value));
        Assert.InRange(scope.Directory.Calls - callsBefore, 50, 2 * 50); // the staff check and the membership, per member at most
        var sample = requests[1234];
        var latest = await scope.Reader.GetHistoryAsync(staff, new MetricHistoryQuery(sample.MemberId, squat.Id) { Interval = new Interval(sample.RecordedAt, sample.RecordedAt!.Value + Duration.FromMilliseconds(1)) });
        Assert.Equal(sample.Value, Assert.Single(latest.Items).Value);
    }

    [Fact]
    public async Task Every_bad_row_is_named_with_its_reason_and_nothing_is_written()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 3);
        await using var _ = scope;
        var now = scope.Clock.GetCurrentInstant();
        var good = new RecordMetricRequest(members[0], squat.Id, MetricValue.Of(100, MetricUnit.Kilogram));
        RecordMetricRequest?[] rows =
        [
            good, good, good,
            good.With(value: MetricValue.Of(-5, MetricUnit.Kilogram)),        // 3: negative
            good, good, good,
            good.With(definitionId: MetricDefinitionId.New()),                // 7: unknown definition
            good,
            null,                                                                 // 9: null row
            good,
            good.With(recordedAt: now + Duration.FromDays(1)),                // 11: future
            good,
            good.With(source: MetricSource.SelfReport),                       // 13: staff self-report
            good.With(value: MetricValue.Of(3, MetricUnit.Meter)),            // 14: wrong dimension
        ];

        var error = await Assert.ThrowsAsync<MetricBatchValidationException>(() => scope.Recorder.RecordManyAsync(staff, rows!));

        Assert.Equal([3, 7, 9, 11, 13, 14], error.Errors.Select(e => e.Index));
        Assert.Equal(6, error.ErrorCount);
        Assert.Equal(["value", "DefinitionId", "request", "RecordedAt", "Source", "value"], error.Errors.Select(e => e.ParameterName));
        Assert.Contains("negative", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(squat.Id));
    }

    [Fact]
    public async Task A_member_the_actor_may_not_record_for_stops_the_batch_before_any_write()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 2);
        await using var _ = scope;
        var outsider = await database.AddUserAsync();
        var rows = members.Append(outsider).Select(m => new RecordMetricRequest(m, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram))).ToList();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Recorder.RecordManyAsync(staff, rows));

        Assert.Equal(outsider, error.Key);
        Assert.Equal(0L, await CountAsync(squat.Id));
    }

    [Fact]
    public async Task Importing_rows_with_ids_again_records_nothing_new()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 10);
        await using var _ = scope;
        var rows = Rows(members, squat, 1000, withIds: true);

        var first = await scope.Recorder.RecordManyAsync(staff, rows);
        scope.Clock.Advance(Duration.FromMinutes(1));
        var again = await scope.Recorder.RecordManyAsync(staff, rows);

        Assert.Equal(1000, first.Recorded);
        Assert.Equal((1000, 0, 1000), (again.Total, again.Recorded, again.AlreadyRecorded));
        Assert.Equal(1000L, await CountAsync(squat.Id));
    }

    [Fact]
    public async Task A_row_that_reuses_an_id_for_something_else_fails_the_whole_batch()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 10);
        await using var _ = scope;
        var rows = Rows(members, squat, 200, withIds: true);
        await scope.Recorder.RecordManyAsync(staff, rows);

        var next = Rows(members, squat, 50, withIds: true);
        next[17] = rows[3].With(value: MetricValue.Of(999, MetricUnit.Kilogram));
        var error = await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordManyAsync(staff, next));

        Assert.Contains("rows 17", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("999", error.Message, StringComparison.Ordinal);
        Assert.Equal(200L, await CountAsync(squat.Id));
    }

    [Fact]
    public async Task The_same_id_twice_in_one_batch_is_one_value_when_equal_and_a_conflict_when_not()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 1);
        await using var _ = scope;
        var row = new RecordMetricRequest(members[0], squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };

        var twice = await scope.Recorder.RecordManyAsync(staff, [row, row]);
        var fresh = row.With(id: MemberMetricId.New());
        await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Recorder.RecordManyAsync(staff, [fresh, fresh.With(value: MetricValue.Of(1, MetricUnit.Kilogram))]));

        Assert.Equal((2, 1), (twice.Total, twice.Recorded));
        Assert.Equal(1L, await CountAsync(squat.Id));
    }

    [Fact]
    public async Task Progress_is_reported_through_every_stage_in_order()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 4);
        await using var _ = scope;
        var reports = new List<RecordManyProgress>();

        await scope.Recorder.RecordManyAsync(
            staff, Rows(members, squat, 1000, withIds: false), new RecordManyOptions { Progress = new SynchronousProgress(reports), ProgressInterval = 250 });

        Assert.Equal(RecordManyStage.Validating, reports[0].Stage);
        Assert.Equal(new RecordManyProgress(RecordManyStage.Completed, 1000, 1000), reports[^1]);
        Assert.Equal([250, 500, 750, 1000], reports.Where(r => r.Stage == RecordManyStage.Writing && r.Processed > 0).Select(r => r.Processed).Distinct());
        Assert.Equal(reports.Select(r => (r.Stage, r.Processed)).Order(), reports.Select(r => (r.Stage, r.Processed)));
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing_and_says_so()
    {
        var (scope, squat, gym, staff, members) = await GymAsync(members: 1);
        await using var _ = scope;

        var result = await scope.Recorder.RecordManyAsync(staff, []);

        Assert.Equal((0, 0), (result.Total, result.Recorded));
    }

    [Fact]
    public async Task With_provenance_each_row_remembers_the_organization_it_was_recorded_in()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_bulk", MemberMetricProvenance.Restrict);
        var fixture = DatabaseFixture.Attach(connectionString);
        await using var scope = new ServiceScope(connectionString, provenance: MemberMetricProvenance.Restrict);
        var squat = await scope.BackSquatAsync();
        var (member, gym) = (await fixture.AddUserAsync(), await fixture.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);

        await scope.Recorder.RecordManyAsync(scope.StaffOf(gym), [new(member, squat.Id, MetricValue.Of(1, MetricUnit.Kilogram)), new(member, squat.Id, MetricValue.Of(2, MetricUnit.Kilogram)) { Id = MemberMetricId.New() }]);
        await scope.Recorder.RecordManyAsync(MetricViewer.ForMember(member), [new(member, squat.Id, MetricValue.Of(3, MetricUnit.Kilogram))]);

        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE organization_id = $1 AND source IS NULL", gym.Value));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE organization_id IS NULL AND source = 'self_report'"));
    }

    private static List<RecordMetricRequest> Rows(IReadOnlyList<UserId> members, MetricDefinition definition, int count, bool withIds) =>
        [.. Enumerable.Range(0, count).Select(i => new RecordMetricRequest(members[i % members.Count], definition.Id, MetricValue.Of(50 + (i % 900), MetricUnit.Kilogram))
        {
            Id = withIds ? MemberMetricId.New() : null,
            RecordedAt = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i),
        })];

    private async Task<(ServiceScope Scope, MetricDefinition Squat, OrganizationId Gym, MetricViewer Staff, List<UserId> Members)> GymAsync(int members)
    {
        var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var gym = await database.AddOrganizationAsync();
        var ids = new List<UserId>();
        for (var i = 0; i < members; i++)
        {
            var member = await database.AddUserAsync();
            scope.Directory.AddMember(member, gym);
            ids.Add(member);
        }

        return (scope, squat, gym, scope.StaffOf(gym), ids);
    }

    private Task<long> CountAsync(MetricDefinitionId definition) =>
        database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE definition_id = $1", definition.Value);

    /// <summary>Records reports as they are made (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(List<RecordManyProgress> reports) : IProgress<RecordManyProgress>
    {
        public void Report(RecordManyProgress value) => reports.Add(value);
    }
}
