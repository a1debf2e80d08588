using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Recording;

/// <summary>The client's id is the idempotency key: a retry returns the stored value; a reuse for something else is a conflict.</summary>
public sealed class IdempotentRecordingTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_README_retry_without_a_time_returns_the_value_stored_the_first_time()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);
        var staff = scope.StaffOf(gym);

        // The README's request, verbatim: an id "to make retries idempotent", and no RecordedAt.
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(225m, MetricUnit.Pound))
        {
            Source = MetricSource.CoachInput,
            Id = MemberMetricId.New(),   // optional: makes retries idempotent
        };
        var first = await scope.Recorder.RecordAsync(staff, request);
        scope.Clock.Advance(Duration.FromMilliseconds(20));
        var retry = await scope.Recorder.RecordAsync(staff, request);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(first.RecordedAt, retry.RecordedAt);
        Assert.Equal(first.Value, retry.Value);
        Assert.Equal(1L, await CountAsync(request.Id!.Value));
    }

    public static TheoryData<string> Changes => ["member", "definition", "amount", "unit", "source", "time"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_retry_that_changes_what_is_recorded_is_a_conflict_and_writes_nothing(string change)
    {
        // Members' wearables sync their values: a source the host lets members use.
        await using var scope = new ServiceScope(database.ConnectionString, o => o.Access.MemberSources.Add(MetricSource.Parse("wearable_sync")));
        var squat = await scope.BackSquatAsync();
        var other = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var at = scope.Clock.GetCurrentInstant() - Duration.FromHours(1);
        var original = new RecordMetricRequest(member, squat.Id, MetricValue.Of(100m, MetricUnit.Kilogram))
        {
            Id = MemberMetricId.New(), RecordedAt = at, Source = MetricSource.Parse("wearable_sync"),
        };
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), original);
        var someoneElse = await database.AddUserAsync();

        var changed = change switch
        {
            "member" => original.With(memberId: someoneElse),
            "definition" => original.With(definitionId: other.Id),
            "amount" => original.With(value: MetricValue.Of(100.5m, MetricUnit.Kilogram)),
            "unit" => original.With(value: MetricValue.Of(100m, MetricUnit.Pound)),
            "source" => original.With(source: MetricSource.SelfReport),
            _ => original.With(recordedAt: at + Duration.FromSeconds(1)),
        };
        var actor = MetricViewer.ForMember(changed.MemberId);
        var error = await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordAsync(actor, changed));

        Assert.Contains(original.Id!.Value.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("100", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync(original.Id.Value));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", someoneElse.Value));
    }

    [Fact]
    public async Task The_same_amount_written_with_another_scale_is_the_same_value()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(225m, MetricUnit.Pound)) { Id = MemberMetricId.New() };

        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request);
        var retry = await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request.With(value: MetricValue.Of(225.0000m, MetricUnit.Pound)));

        Assert.Equal(225m, retry.Value.Amount);
        Assert.Equal(1L, await CountAsync(request.Id!.Value));
    }

    [Fact]
    public async Task A_time_the_client_set_takes_part_in_the_comparison_and_one_the_server_stamped_does_not()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var self = MetricViewer.ForMember(member);
        var stamped = new RecordMetricRequest(member, squat.Id, MetricValue.Of(90m, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };
        var stored = await scope.Recorder.RecordAsync(self, stamped);

        // The same request with the time it was stamped with is the same value; any other client time is not.
        Assert.Equal(stored.Id, (await scope.Recorder.RecordAsync(self, stamped.With(recordedAt: stored.RecordedAt))).Id);
        await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Recorder.RecordAsync(self, stamped.With(recordedAt: stored.RecordedAt - Duration.FromMinutes(1))));
    }

    [Fact]
    public async Task An_id_used_by_another_members_value_answers_like_any_other_reused_id()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var (owner, prober) = (await database.AddUserAsync(), await database.AddUserAsync());
        var theirs = new RecordMetricRequest(owner, squat.Id, MetricValue.Of(143.25m, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(owner), theirs);
        var mine = new RecordMetricRequest(prober, squat.Id, MetricValue.Of(60m, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(prober), mine);

        var foreign = await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(prober), mine.With(id: theirs.Id)));
        var own = await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(prober), mine.With(value: MetricValue.Of(61m, MetricUnit.Kilogram))));

        Assert.Equal(own.Message.Replace(mine.Id!.Value.ToString(), "ID", StringComparison.Ordinal), foreign.Message.Replace(theirs.Id!.Value.ToString(), "ID", StringComparison.Ordinal));
        // Nothing of the stored value or its owner: a decimal point never occurs in the ids the message does carry.
        Assert.DoesNotContain("143.25", foreign.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.ToString(), foreign.Message, StringComparison.Ordinal);
    }

    private Task<long> CountAsync(MemberMetricId id) => database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", id.Value);
}
