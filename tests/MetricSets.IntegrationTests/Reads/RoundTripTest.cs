using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>
/// Every read is one statement, its authorization included: counted with an EF command interceptor, which sees each
/// statement the library sends on the host's context. With mapped memberships the default rules are in that statement;
/// with the host's directory (in memory here) they were decided before it. A staff read under mapped memberships is sent with
/// its check as a filter first: a granted read is that one statement, and a read it returns nothing for (a refusal, a set
/// that does not exist or may not be seen, definitions none of which exist) costs a second, which tells which.
/// </summary>
public sealed class RoundTripTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(MembershipSource.Mapped)]
    [InlineData(MembershipSource.Directory)]
    public async Task Each_read_by_staff_is_one_statement(MembershipSource memberships)
    {
        var (gym, counter, member, set) = await GymAsync(memberships);
        var coach = gym.CoachView;

        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Resolver.ResolveAsync(coach, new MetricSetResolutionQuery(set.Id, member))));
        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2 })));
        var page = await gym.Scope.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2 });
        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2, Cursor = page.NextCursor })));
        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Leaderboards.GetLeaderboardAsync(coach, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 1 })));
        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Reader.GetLatestAsync(coach, member, [gym.Squat.Id, gym.Row.Id])));
        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Reader.GetLastAsync(coach, member, [gym.Squat.Id], 3)));
        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Reader.GetPersonalBestsAsync(coach, member, [gym.Squat.Id])));
    }

    [Theory]
    [InlineData(MembershipSource.Mapped, 2)]
    [InlineData(MembershipSource.Directory, 1)]
    public async Task A_large_organizations_leaderboard_is_walked_in_one_statement_after_the_count_mapped_memberships_need(MembershipSource memberships, int statements)
    {
        // Every organization counts as large here. A directory's list tells the size; mapped memberships are counted by the
        // first statement (which probes only a small organization), then the walk fills the page.
        var (gym, counter, _, _) = await GymAsync(memberships, walkFrom: 0);

        Assert.Equal(statements, await counter.CountAsync(() => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 1 })));
    }

    [Theory]
    [InlineData(MembershipSource.Mapped)]
    [InlineData(MembershipSource.Directory)]
    public async Task Recording_by_staff_is_one_statement_once_the_definition_is_known(MembershipSource memberships)
    {
        var (gym, counter, member, _) = await GymAsync(memberships);
        var request = new RecordMetricRequest(member, gym.Squat.Id, MetricValue.Of(150m, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput };

        Assert.Equal(1, await counter.CountAsync(() => gym.Scope.Recorder.RecordAsync(gym.CoachView, request)));
    }

    [Fact]
    public async Task A_refused_recording_is_one_statement_and_writes_nothing()
    {
        var (gym, counter, member, _) = await GymAsync(MembershipSource.Mapped);
        var stranger = gym.Scope.StaffOf(await database.AddOrganizationAsync());
        var request = new RecordMetricRequest(member, gym.Squat.Id, MetricValue.Of(150m, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput };

        var refused = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Recorder.RecordAsync(stranger, request));

        Assert.Equal((1, MetricEntity.Member), (refused.Statements, refused.Error.Entity));
        Assert.Equal(5L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
    }

    [Fact]
    public async Task A_refused_resolution_costs_what_a_missing_or_hidden_set_costs_and_answers_like_a_missing_member()
    {
        var (gym, counter, member, set) = await GymAsync(MembershipSource.Mapped);
        var otherGym = await database.AddOrganizationAsync();
        var stranger = gym.Scope.StaffOf(otherGym);
        var hidden = await gym.Scope.Sets.CreateAsync(stranger, MetricOwner.ForOrganization(otherGym), "Theirs", [gym.Squat.Id]);

        var refused = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Resolver.ResolveAsync(stranger, new MetricSetResolutionQuery(set.Id, member)));
        var missing = await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Resolver.ResolveAsync(stranger, new MetricSetResolutionQuery(set.Id, UserId.New())));
        var absent = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(MetricSetId.New(), member)));
        var notTheirs = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(hidden.Id, member)));

        // The filtered statement returns no row for any of them; the verdict's statement tells which. A set of another
        // organization costs what a set that does not exist costs.
        Assert.Equal((MetricEntity.Member, missing.Code), (refused.Error.Entity, refused.Error.Code));
        Assert.Equal((2, 2, 2), (refused.Statements, absent.Statements, notTheirs.Statements));
        Assert.Equal((MetricEntity.MetricSet, MetricEntity.MetricSet), (absent.Error.Entity, notTheirs.Error.Entity));
    }

    [Fact]
    public async Task A_refused_staff_read_of_values_costs_a_second_statement_and_answers_like_a_missing_member()
    {
        var (gym, counter, member, _) = await GymAsync(MembershipSource.Mapped);
        var stranger = gym.Scope.StaffOf(await database.AddOrganizationAsync());

        var refused = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Reader.GetLatestAsync(stranger, member, [gym.Squat.Id]));
        var missing = await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetLatestAsync(stranger, UserId.New(), [gym.Squat.Id]));

        Assert.Equal((2, MetricEntity.Member, (object)member), (refused.Statements, refused.Error.Entity, refused.Error.Key));
        Assert.Equal((MetricEntity.Member, missing.Code), (refused.Error.Entity, refused.Error.Code));
    }

    [Fact]
    public async Task Definitions_that_do_not_exist_are_told_from_a_refusal()
    {
        var (gym, counter, member, _) = await GymAsync(MembershipSource.Mapped);
        var unknown = MetricDefinitionId.New();

        // With a definition that exists, the filtered read has its row and decides; with none, the verdict's statement does.
        var mixed = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Reader.GetLatestAsync(gym.CoachView, member, [gym.Squat.Id, unknown]));
        var none = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Reader.GetLatestAsync(gym.CoachView, member, [unknown]));

        Assert.Equal((1, MetricEntity.MetricDefinition, (object)unknown), (mixed.Statements, mixed.Error.Entity, mixed.Error.Key));
        Assert.Equal((2, MetricEntity.MetricDefinition, (object)unknown), (none.Statements, none.Error.Entity, none.Error.Key));
    }

    [Fact]
    public async Task A_staff_read_of_no_definitions_is_one_statement_that_still_decides_access()
    {
        var (gym, counter, member, _) = await GymAsync(MembershipSource.Mapped);
        var stranger = gym.Scope.StaffOf(await database.AddOrganizationAsync());
        IReadOnlyDictionary<MetricDefinitionId, MetricReading>? latest = null;

        var granted = await counter.CountAsync(async () => latest = await gym.Scope.Reader.GetLatestAsync(gym.CoachView, member, []));
        var refused = await CountFailureAsync<MetricNotFoundException>(counter, () => gym.Scope.Reader.GetLatestAsync(stranger, member, []));

        Assert.Equal((1, 0), (granted, latest!.Count));
        Assert.Equal((1, MetricEntity.Member), (refused.Statements, refused.Error.Entity));
    }

    private async Task<(ReadScenario Gym, StatementCounter Counter, UserId Member, MetricSetSnapshot Set)> GymAsync(MembershipSource memberships, int? walkFrom = null)
    {
        var counter = new StatementCounter();
        var gym = await ReadScenario.CreateAsync(
            database, memberships, o => o.AddInterceptors(counter), walkFrom is { } threshold ? options => options.LeaderboardWalkFrom = threshold : null);
        var member = await gym.AddMemberAsync(database);
        for (var day = 1; day <= 5; day++)
        {
            await gym.RecordAsync(member, gym.Squat, 100 + day, MetricUnit.Kilogram, Duration.FromDays(day));
        }

        var set = await gym.Scope.Sets.CreateAsync(gym.CoachView, MetricOwner.ForOrganization(gym.Gym), "Benchmarks", [gym.Squat.Id, gym.Row.Id]);
        return (gym, counter, member, set);
    }

    // The statements a refused call sent, and its error (which must be exactly TException).
    private static async Task<(int Statements, TException Error)> CountFailureAsync<TException>(StatementCounter counter, Func<Task> call)
        where TException : Exception
    {
        TException? error = null;
        var statements = await counter.CountAsync(async () => error = await Assert.ThrowsAsync<TException>(call));
        return (statements, error!);
    }
}
