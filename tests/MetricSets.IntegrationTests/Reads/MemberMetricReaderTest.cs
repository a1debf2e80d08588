using NodaTime;

namespace MetricSets.IntegrationTests.Reads;

public sealed class MemberMetricReaderTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public async Task Latest_values_for_many_definitions_come_back_per_definition_and_omit_definitions_without_values()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        await gym.RecordAsync(member, gym.Squat, 100, MetricUnit.Kilogram, Day * 10);
        await gym.RecordAsync(member, gym.Squat, 225, MetricUnit.Pound, Day * 2);
        await gym.RecordAsync(member, gym.Row, 420, MetricUnit.Second, Day * 5);

        var latest = await gym.Scope.Reader.GetLatestAsync(gym.CoachView, member, [gym.Squat.Id, gym.Row.Id, gym.BodyFat.Id]);

        Assert.Equal(2, latest.Count);
        Assert.Equal(MetricValue.Of(225, MetricUnit.Pound), latest[gym.Squat.Id].Value);
        Assert.Equal(gym.Now - (Day * 2), latest[gym.Squat.Id].RecordedAt);
        Assert.Equal(MetricValue.Of(420, MetricUnit.Second), latest[gym.Row.Id].Value);
        Assert.False(latest.ContainsKey(gym.BodyFat.Id));
    }

    [Fact]
    public async Task Latest_breaks_equal_times_by_the_greatest_id()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var high = new MemberMetricId(Guid.Parse("ffffffff-ffff-7fff-bfff-ffffffffffff"));
        await gym.RecordAsync(member, gym.Squat, 120, MetricUnit.Kilogram, Day, high);
        await gym.RecordAsync(member, gym.Squat, 110, MetricUnit.Kilogram, Day, new MemberMetricId(Guid.Parse("00000000-0000-7000-8000-000000000000")));

        var latest = await gym.Scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, gym.Squat.Id);

        Assert.Equal(high, latest?.Id);
    }

    [Fact]
    public async Task Last_values_and_history_pages_come_in_PostgreSQLs_order_of_time_then_id()
    {
        // Ties at one instant, with ids that differ in every group and byte (high bits set or not): the readers order in
        // C#, which must agree with PostgreSQL's uuid order, or a history cursor would skip or repeat values.
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        string[] ids =
        [
            "ffffffff-0000-7000-8000-000000000000", "7fffffff-ffff-7fff-bfff-ffffffffffff", "80000000-0000-7000-8000-000000000000",
            "00000000-8000-7000-8000-000000000000", "00000000-7fff-7000-8000-000000000000", "00000000-0000-7fff-8000-000000000000",
            "00000000-0000-7000-bfff-000000000000", "00000000-0000-7000-8000-800000000000", "00000000-0000-7000-8000-7fffffffffff",
            "00000000-0000-7000-8000-0000000000ff", "00000000-0000-7000-8000-00000000ff00", "01000000-0000-7000-8000-000000000000",
        ];
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            await gym.RecordAsync(member, gym.Squat, 100 + index, MetricUnit.Kilogram, index < 9 ? Day : Day * 2, new MemberMetricId(Guid.Parse(id)));
        }

        var stored = await database.ScalarAsync<string>(
            "SELECT string_agg(id::text, ',' ORDER BY recorded_at DESC, id DESC) FROM member_metrics WHERE member_id = $1", member.Value);
        var self = MetricViewer.ForMember(member);

        var last = await gym.Scope.Reader.GetLastAsync(self, member, [gym.Squat.Id], ids.Length);
        var history = new List<MetricReading>();
        string? cursor = null;
        do
        {
            var page = await gym.Scope.Reader.GetHistoryAsync(self, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 5, Cursor = cursor });
            history.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(stored, string.Join(',', last[gym.Squat.Id].Select(reading => reading.Id.Value.ToString("D"))));
        Assert.Equal(stored, string.Join(',', history.AsEnumerable().Reverse().Select(reading => reading.Id.Value.ToString("D"))));
    }

    [Fact]
    public async Task Reads_of_an_empty_history_are_empty_not_errors()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var self = MetricViewer.ForMember(member);

        Assert.Empty(await gym.Scope.Reader.GetLatestAsync(self, member, [gym.Squat.Id, gym.Row.Id]));
        Assert.Empty(await gym.Scope.Reader.GetLatestAsync(self, member, []));
        Assert.All((await gym.Scope.Reader.GetLastAsync(self, member, [gym.Squat.Id], 5)).Values, Assert.Empty);
        Assert.Empty(await gym.Scope.Reader.GetPersonalBestsAsync(self, member, [gym.Squat.Id]));
        var page = await gym.Scope.Reader.GetHistoryAsync(self, new MetricHistoryQuery(member, gym.Squat.Id));
        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Unknown_definitions_are_not_found_in_every_read()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var self = MetricViewer.ForMember(member);
        var ghost = MetricDefinitionId.New();

        Assert.Equal(ghost, (await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetLatestAsync(self, member, [gym.Squat.Id, ghost]))).Key);
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetLastAsync(self, member, [ghost], 3));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetPersonalBestsAsync(self, member, [ghost]));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetHistoryAsync(self, new MetricHistoryQuery(member, ghost)));
    }

    [Fact]
    public async Task Last_n_returns_newest_first_per_definition()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        for (var i = 1; i <= 5; i++)
        {
            await gym.RecordAsync(member, gym.Squat, 100 + i, MetricUnit.Kilogram, Day * (10 - i));
        }

        await gym.RecordAsync(member, gym.Row, 400, MetricUnit.Second, Day);

        var last = await gym.Scope.Reader.GetLastAsync(gym.CoachView, member, [gym.Squat.Id, gym.Row.Id, gym.BodyFat.Id], 3);

        Assert.Equal([105m, 104m, 103m], last[gym.Squat.Id].Select(r => r.Value.Amount));
        Assert.Single(last[gym.Row.Id]);
        Assert.Empty(last[gym.BodyFat.Id]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Last_n_outside_1_to_100_is_rejected(int count)
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => gym.Scope.Reader.GetLastAsync(MetricViewer.ForMember(member), member, [gym.Squat.Id], count));

        Assert.Equal("count", error.ParameterName);
    }

    [Fact]
    public async Task Personal_best_follows_the_kind_and_compares_across_units()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        await gym.RecordAsync(member, gym.Squat, 100, MetricUnit.Kilogram, Day * 30);
        var best = await gym.RecordAsync(member, gym.Squat, 225, MetricUnit.Pound, Day * 20);   // 102.06 kg
        await gym.RecordAsync(member, gym.Squat, 101, MetricUnit.Kilogram, Day * 10);
        await gym.RecordAsync(member, gym.Row, 7, MetricUnit.Minute, Day * 9);                 // 420 s
        var fastest = await gym.RecordAsync(member, gym.Row, 415, MetricUnit.Second, Day * 8);
        await gym.RecordAsync(member, gym.Row, 430, MetricUnit.Second, Day * 1);
        await gym.RecordAsync(member, gym.BodyFat, 18, MetricUnit.Percent, Day);

        var bests = await gym.Scope.Reader.GetPersonalBestsAsync(MetricViewer.ForMember(member), member, [gym.Squat.Id, gym.Row.Id, gym.BodyFat.Id]);

        Assert.Equal(best.Id, bests[gym.Squat.Id].Id);
        Assert.Equal(fastest.Id, bests[gym.Row.Id].Id);
        Assert.False(bests.ContainsKey(gym.BodyFat.Id)); // body composition has no "better" direction
    }

    [Fact]
    public async Task Personal_best_ties_go_to_the_value_reached_first()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var first = await gym.RecordAsync(member, gym.Squat, 100, MetricUnit.Kilogram, Day * 5);
        await gym.RecordAsync(member, gym.Squat, 100, MetricUnit.Kilogram, Day * 1);

        var bests = await gym.Scope.Reader.GetPersonalBestsAsync(MetricViewer.ForMember(member), member, [gym.Squat.Id]);

        Assert.Equal(first.Id, bests[gym.Squat.Id].Id);
    }

    [Fact]
    public async Task History_pages_oldest_first_within_the_interval_without_overlap_or_gaps()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var recorded = new List<MetricReading>();
        for (var i = 0; i < 12; i++)
        {
            // Pairs share a timestamp, so the id must break ties across page boundaries.
            recorded.Add(await gym.RecordAsync(member, gym.Squat, 100 + i, MetricUnit.Kilogram, Day * (20 - (i / 2))));
        }

        await gym.RecordAsync(member, gym.Row, 400, MetricUnit.Second, Day * 15);
        var interval = new Interval(gym.Now - (Day * 19), gym.Now - (Day * 15)); // covers i = 2..9
        var expected = recorded.Where(m => interval.Contains(m.RecordedAt)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).Select(m => m.Id).ToList();

        var seen = new List<MemberMetricId>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { Interval = interval, PageSize = 3, Cursor = cursor });
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task History_rejects_a_cursor_it_did_not_issue()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => gym.Scope.Reader.GetHistoryAsync(MetricViewer.ForMember(member), new MetricHistoryQuery(member, gym.Squat.Id) { Cursor = "bm90LWEtY3Vyc29y" }));

        Assert.Equal("Cursor", error.ParameterName);
    }

    [Fact]
    public async Task Forbidden_reads_answer_exactly_like_an_unknown_member()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        await gym.RecordAsync(member, gym.Squat, 100, MetricUnit.Kilogram, Day);
        var stranger = await database.AddUserAsync();
        var otherGym = await database.AddOrganizationAsync();
        var otherCoach = await database.AddUserAsync();
        gym.Scope.Directory.AddStaff(otherCoach, otherGym);
        var ghost = UserId.New();

        MetricViewer[] forbidden =
        [
            MetricViewer.ForMember(stranger),                     // another person
            MetricViewer.ForMember(stranger, gym.Gym),            // a member of the same gym is not staff
            MetricViewer.ForStaff(stranger, gym.Gym),             // claims staff; the directory says no
            MetricViewer.ForStaff(otherCoach, otherGym),          // staff of a gym the member does not belong to
            MetricViewer.ForStaff(otherCoach, gym.Gym),           // staff elsewhere, claiming this gym
        ];
        foreach (var viewer in forbidden)
        {
            var hidden = await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.FindLatestAsync(viewer, member, gym.Squat.Id));
            var absent = await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.FindLatestAsync(viewer, ghost, gym.Squat.Id));
            Assert.Equal(MetricEntity.Member, hidden.Entity);
            Assert.Equal(absent.Message.Replace(ghost.ToString(), "ID", StringComparison.Ordinal), hidden.Message.Replace(member.ToString(), "ID", StringComparison.Ordinal));
            await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetHistoryAsync(viewer, new MetricHistoryQuery(member, gym.Squat.Id)));
            await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetPersonalBestsAsync(viewer, member, [gym.Squat.Id]));
            await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetLastAsync(viewer, member, [gym.Squat.Id], 2));
        }

        // A member who left the gym is no longer visible to its staff.
        gym.Scope.Directory.RemoveMember(member, gym.Gym);
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.FindLatestAsync(gym.CoachView, member, gym.Squat.Id));
        Assert.NotNull(await gym.Scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, gym.Squat.Id));
    }
}
