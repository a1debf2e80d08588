using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Services;

public sealed class MemberMetricRecorderTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Record_stores_the_value_in_the_unit_it_was_recorded_in()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);
        var at = scope.Clock.GetCurrentInstant() - Duration.FromDays(2) + Duration.FromNanoseconds(123_456_789);

        var recorded = await scope.Recorder.RecordAsync(
            scope.StaffOf(gym),
            new(member, squat.Id, MetricValue.Of(225, MetricUnit.Pound)) { RecordedAt = at, Source = MetricSource.CoachInput });

        await using var reader = new ServiceScope(database.ConnectionString);
        var read = await reader.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id);
        Assert.NotNull(read);
        Assert.Equal(recorded.Id, read.Id);
        Assert.Equal(MetricValue.Of(225, MetricUnit.Pound), read.Value);
        Assert.Equal(recorded.RecordedAt, read.RecordedAt);
        Assert.Equal(MetricSource.CoachInput, read.Source);
        Assert.Equal(member, read.MemberId);
        Assert.Equal("lb", await database.ScalarAsync<string>("SELECT unit::text FROM member_metrics WHERE id = $1", recorded.Id.Value));
    }

    [Fact]
    public async Task A_value_reads_back_normalized_as_it_was_written()
    {
        // numeric(14,4) returns 225 as 225.0000; the read must not show it (225.0000 lb, "amount": 225.0000).
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var written = MetricValue.Of(225, MetricUnit.Pound);

        var recorded = await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, written));
        var read = await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id);

        Assert.Equal("225.0000", await database.ScalarAsync<string>("SELECT value::text FROM member_metrics WHERE id = $1", recorded.Id.Value));
        foreach (var value in new[] { recorded.Value, read!.Value })
        {
            Assert.Equal("225", value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("225 lb", value.ToString());
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(written), System.Text.Json.JsonSerializer.Serialize(value));
        }
    }

    [Fact]
    public async Task Record_without_a_time_uses_the_clock()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();

        var member = await database.AddUserAsync();
        var recorded = await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)));

        Assert.Equal(scope.Clock.GetCurrentInstant(), recorded.RecordedAt);
    }

    public static TheoryData<string, decimal, MetricUnit, string> RejectedValues => new()
    {
        { "squat", 10, MetricUnit.Second, "cannot be recorded" },
        { "squat", -5, MetricUnit.Kilogram, "negative" },
        { "fat", 100.5m, MetricUnit.Percent, "not plausible" },
        { "squat", 1000.5m, MetricUnit.Kilogram, "not plausible" },
        { "row", 168.5m, MetricUnit.Hour, "not plausible" },
        { "fat", -0.1m, MetricUnit.Percent, "negative" },
        { "row", -1, MetricUnit.Minute, "negative" },
        { "fat", 12, MetricUnit.Kilogram, "cannot be recorded" },
    };

    [Theory]
    [MemberData(nameof(RejectedValues))]
    public async Task Record_of_a_value_the_definition_does_not_accept_is_rejected_and_writes_nothing(
        string definition, decimal amount, MetricUnit unit, string reason)
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var target = definition switch
        {
            "squat" => await scope.BackSquatAsync(),
            "fat" => await scope.BodyFatAsync(),
            _ => await scope.RowTimeAsync(),
        };
        var member = await database.AddUserAsync();

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, target.Id, MetricValue.Of(amount, unit))));

        Assert.Equal("value", error.ParameterName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountForAsync(member));
    }

    [Fact]
    public async Task Record_for_a_member_that_does_not_exist_is_not_found_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var ghost = UserId.New();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(ghost), new(ghost, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram))));

        Assert.Equal(MetricEntity.Member, error.Entity);
        Assert.Equal(ghost, error.Key);
        Assert.Equal(0L, await CountForAsync(ghost));

        // The failed value does not linger in the host's context and poison its next save.
        var member = await database.AddUserAsync();
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)));
        Assert.Equal(1L, await CountForAsync(member));
    }

    [Fact]
    public async Task Record_in_an_organization_the_host_does_not_hold_is_not_found_and_writes_nothing()
    {
        // The directory vouches for an organization the host's organizations table lacks (another service's id, say).
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var (member, unknownGym) = (await database.AddUserAsync(), OrganizationId.New());
        scope.Directory.AddMember(member, unknownGym);
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput };

        var single = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Recorder.RecordAsync(scope.StaffOf(unknownGym), request));
        var bulk = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Recorder.RecordManyAsync(scope.StaffOf(unknownGym), [request]));

        Assert.Equal((MetricEntity.Organization, (object)unknownGym), (single.Entity, single.Key));
        Assert.Equal((MetricEntity.Organization, (object)unknownGym), (bulk.Entity, bulk.Key));
        Assert.Equal(0L, await CountForAsync(member));
    }

    [Fact]
    public async Task Record_against_an_unknown_definition_is_not_found_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var member = await database.AddUserAsync();
        var ghost = MetricDefinitionId.New();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, ghost, MetricValue.Of(100, MetricUnit.Kilogram))));

        Assert.Equal(ghost, error.Key);
        Assert.Equal(0L, await CountForAsync(member));
    }

    [Fact]
    public async Task Record_in_the_future_beyond_the_allowed_skew_is_rejected_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var now = scope.Clock.GetCurrentInstant();

        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { RecordedAt = now + Duration.FromMinutes(5) });
        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { RecordedAt = now + Duration.FromMinutes(6) }));

        Assert.Equal("RecordedAt", error.ParameterName);
        Assert.Equal(1L, await CountForAsync(member));
    }

    [Fact]
    public async Task Recording_the_same_client_id_twice_stores_one_row()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(140.5m, MetricUnit.Kilogram))
        {
            Id = MemberMetricId.New(),
            RecordedAt = scope.Clock.GetCurrentInstant() - Duration.FromHours(1),
            Source = MetricSource.SelfReport,
        };

        var first = await scope.Recorder.RecordAsync(MetricViewer.ForMember(request.MemberId), request);
        await using var retryScope = new ServiceScope(database.ConnectionString);
        var second = await retryScope.Recorder.RecordAsync(MetricViewer.ForMember(request.MemberId), request);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(request.Id, first.Id);
        Assert.Equal(1L, await CountForAsync(member));
    }

    [Fact]
    public async Task Reusing_a_client_id_for_a_different_value_is_a_conflict_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(140, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(request.MemberId), request);

        await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(request.MemberId), request.With(value: MetricValue.Of(150, MetricUnit.Kilogram))));

        Assert.Equal(140m, await database.ScalarAsync<decimal>("SELECT value FROM member_metrics WHERE id = $1", request.Id!.Value.Value));
        Assert.Equal(1L, await CountForAsync(member));
    }

    [Fact]
    public async Task Latest_is_the_greatest_time_with_ties_broken_by_the_greatest_id()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        var at = scope.Clock.GetCurrentInstant() - Duration.FromDays(1);
        var low = new MemberMetricId(Guid.Parse("00000000-0000-7000-8000-000000000001"));
        var high = new MemberMetricId(Guid.Parse("ffffffff-0000-7000-8000-000000000001"));
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { RecordedAt = at - Duration.FromDays(30) });
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(120, MetricUnit.Kilogram)) { RecordedAt = at, Id = high });
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(110, MetricUnit.Kilogram)) { RecordedAt = at, Id = low });

        var latest = await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id);

        Assert.Equal(high, latest?.Id);
    }

    [Fact]
    public async Task Latest_is_null_without_values_and_not_found_for_an_unknown_definition()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();

        Assert.Null(await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, MetricDefinitionId.New()));
    }

    [Fact]
    public async Task Erasing_the_person_in_the_host_table_erases_their_values()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)));

        await database.ExecuteAsync($"DELETE FROM users WHERE id = '{member}'");

        Assert.Equal(0L, await CountForAsync(member));
    }

    private Task<long> CountForAsync(UserId member) =>
        database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value);
}
