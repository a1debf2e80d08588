using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>
/// The leaderboard's behaviour, run both ways a leaderboard is computed: probing every member
/// (<see cref="LeaderboardProbeTest"/>) and walking the definition's ranking, as an organization from
/// <c>MetricSetsOptions.LeaderboardWalkFrom</c> active members does (<see cref="LeaderboardWalkTest"/>, with the threshold
/// at 0 so these small gyms walk). Both must give the same pages.
/// </summary>
public abstract class LeaderboardReaderTest(DatabaseFixture database, int walkFrom)
{
    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public async Task Best_first_ranks_most_recent_values_by_quantity_across_units()
    {
        var gym = await ScenarioAsync();
        var kg100 = await gym.AddMemberAsync(database);
        var lb225 = await gym.AddMemberAsync(database);
        var kg90 = await gym.AddMemberAsync(database);
        await gym.AddMemberAsync(database); // no value: not listed
        await gym.RecordAsync(kg100, gym.Squat, 100, MetricUnit.Kilogram, Day);
        await gym.RecordAsync(lb225, gym.Squat, 300, MetricUnit.Pound, Day * 9); // older and heavier: not the most recent
        await gym.RecordAsync(lb225, gym.Squat, 225, MetricUnit.Pound, Day * 2);
        await gym.RecordAsync(kg90, gym.Squat, 90, MetricUnit.Kilogram, Day * 3);
        var outsider = await database.AddUserAsync();
        await gym.RecordAsync(outsider, gym.Squat, 500, MetricUnit.Kilogram, Day); // not a member of the gym

        var page = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { Units = UnitPreference.Metric });

        Assert.Equal([lb225, kg100, kg90], page.Items.Select(e => e.MemberId));
        Assert.Equal([1, 2, 3], page.Items.Select(e => e.Rank));
        Assert.Equal(MetricValue.Of(102.0583m, MetricUnit.Kilogram), page.Items[0].Value);
        Assert.Equal(MetricValue.Of(225, MetricUnit.Pound), page.Items[0].Reading.Value);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Lower_is_better_for_times_and_latest_first_orders_by_time()
    {
        var gym = await ScenarioAsync();
        var fast = await gym.AddMemberAsync(database);
        var slow = await gym.AddMemberAsync(database);
        await gym.RecordAsync(fast, gym.Row, 6.5m, MetricUnit.Minute, Day * 5); // 390 s
        await gym.RecordAsync(slow, gym.Row, 400, MetricUnit.Second, Day);

        var best = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Row.Id));
        var latest = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Row.Id) { Order = LeaderboardOrder.LatestFirst });

        Assert.Equal([fast, slow], best.Items.Select(e => e.MemberId));
        Assert.Equal(MetricValue.Of(390, MetricUnit.Second), best.Items[0].Value);
        Assert.Equal([slow, fast], latest.Items.Select(e => e.MemberId));
    }

    [Fact]
    public async Task Ties_are_broken_by_member_id_and_pages_neither_overlap_nor_skip()
    {
        var gym = await ScenarioAsync();
        var members = new List<UserId>();
        for (var i = 0; i < 7; i++)
        {
            var member = await gym.AddMemberAsync(database);
            members.Add(member);

            // A 2k row, lower is better. Even members tie exactly across units (8 minutes = 480 s); odd members tie at 420 s,
            // above them. (A plausible lift cannot tie exactly across kg and lb: 10,000 lb is the first whole 4-decimal kg.)
            var value = (i % 2, i % 4) switch
            {
                (1, _) => MetricValue.Of(420, MetricUnit.Second),
                (0, 0) => MetricValue.Of(480, MetricUnit.Second),
                _ => MetricValue.Of(8, MetricUnit.Minute),
            };
            await gym.RecordAsync(member, gym.Row, value.Amount, value.Unit, Day * (i + 1));
        }

        var expected = members.Where((_, i) => i % 2 == 1).Order().Concat(members.Where((_, i) => i % 2 == 0).Order()).ToList();
        var seen = new List<(long Rank, UserId Member)>();
        string? cursor = null;
        do
        {
            var page = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Row.Id) { PageSize = 3, Cursor = cursor });
            seen.AddRange(page.Items.Select(e => (e.Rank, e.MemberId)));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen.Select(s => s.Member));
        Assert.Equal(Enumerable.Range(1, 7).Select(rank => (long)rank), seen.Select(s => s.Rank));
    }

    [Fact]
    public async Task Best_first_for_a_kind_without_direction_is_rejected()
    {
        var gym = await ScenarioAsync();

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.BodyFat.Id)));

        Assert.Equal("Order", error.ParameterName);
    }

    [Fact]
    public async Task An_organization_without_values_gives_an_empty_board_and_an_unknown_definition_is_not_found()
    {
        var gym = await ScenarioAsync();
        await gym.AddMemberAsync(database);

        Assert.Empty((await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id))).Items);
        await Assert.ThrowsAsync<MetricNotFoundException>(
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, MetricDefinitionId.New())));
    }

    [Fact]
    public async Task Only_confirmed_staff_acting_in_the_organization_may_read_its_board()
    {
        var gym = await ScenarioAsync();
        var member = await gym.AddMemberAsync(database);
        var otherGym = await database.AddOrganizationAsync();
        var ghostGym = OrganizationId.New();
        var listCallsBefore = gym.Scope.Directory.ListCalls;

        MetricViewer[] forbidden =
        [
            MetricViewer.ForMember(member, gym.Gym),
            MetricViewer.ForStaff(member, gym.Gym),
            MetricViewer.ForStaff(gym.Coach, otherGym),
        ];
        foreach (var viewer in forbidden)
        {
            var hidden = await Assert.ThrowsAsync<MetricNotFoundException>(
                () => gym.Scope.Leaderboards.GetLeaderboardAsync(viewer, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id)));
            Assert.Equal(MetricEntity.Organization, hidden.Entity);
        }

        var absent = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(MetricViewer.ForStaff(gym.Coach, ghostGym), new MetricLeaderboardQuery(ghostGym, gym.Squat.Id)));
        Assert.Equal(MetricEntity.Organization, absent.Entity);

        // The check happens before the organization's members are even listed.
        Assert.Equal(listCallsBefore, gym.Scope.Directory.ListCalls);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Sources_rank_each_members_latest_value_from_those_sources_only(MembershipSource memberships)
    {
        var gym = await ScenarioAsync(memberships);
        var (coached, selfOnly) = (await gym.AddMemberAsync(database), await gym.AddMemberAsync(database));
        await RecordByCoachAsync(gym, coached, 120, Day * 5);
        await gym.RecordAsync(coached, gym.Squat, 200, MetricUnit.Kilogram, Day);   // newer, but a self-report
        await gym.RecordAsync(selfOnly, gym.Squat, 150, MetricUnit.Kilogram, Day);

        var coachOnly = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { Sources = [MetricSource.CoachInput] });
        var everyone = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id));

        Assert.Equal([(coached, 120m)], coachOnly.Items.Select(e => (e.MemberId, e.Value.Amount)));
        Assert.Equal([(coached, 200m), (selfOnly, 150m)], everyone.Items.Select(e => (e.MemberId, e.Value.Amount)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(MetricLimits.MaxSourcesPerRead + 1)]
    public async Task Sources_must_name_between_one_and_the_limit(int count)
    {
        var gym = await ScenarioAsync();
        var sources = Enumerable.Range(0, count).Select(i => MetricSource.Parse($"source_{i}")).ToList();

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { Sources = sources }));

        Assert.Equal("Sources", error.ParameterName);
    }

    private static Task<MetricReading> RecordByCoachAsync(ReadScenario gym, UserId member, decimal kilograms, Duration ago) =>
        gym.Scope.Recorder.RecordAsync(
            gym.CoachView,
            new(member, gym.Squat.Id, MetricValue.Of(kilograms, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput, RecordedAt = gym.Now - ago });

    private Task<ReadScenario> ScenarioAsync(MembershipSource memberships = MembershipSource.Directory) =>
        ReadScenario.CreateAsync(database, memberships, configure: options => options.LeaderboardWalkFrom = walkFrom);
}

/// <summary>The leaderboard tests with every member probed (no organization is large enough to walk).</summary>
public sealed class LeaderboardProbeTest(DatabaseFixture database) : LeaderboardReaderTest(database, int.MaxValue), IClassFixture<DatabaseFixture>;

/// <summary>The leaderboard tests with the definition's ranking walked (every organization counts as large).</summary>
public sealed class LeaderboardWalkTest(DatabaseFixture database) : LeaderboardReaderTest(database, 0), IClassFixture<DatabaseFixture>;
