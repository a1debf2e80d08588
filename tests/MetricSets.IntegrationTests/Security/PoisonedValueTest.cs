using MetricSets.IntegrationTests.Reads;
using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// One member must not be able to break a gym's reads: implausible values are refused at write time, and rows already
/// stored that break today's rules (written by SQL before the bounds existed) are left out of every read, never failing it.
/// </summary>
public sealed class PoisonedValueTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_reviews_poisoned_distance_is_refused_and_nothing_is_written()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var run = await scope.Catalog.CreateAsync(new CatalogEntry(Catalogue.UniqueSlug("run_12min"), LocalizedName.Of("en", "12 min run"), MetricUnit.Meter, MetricKind.Distance));
        var member = await database.AddUserAsync();

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, run.Id, MetricValue.Of(9_999_999_999m, MetricUnit.Kilometer))));

        Assert.Equal(MetricErrorCode.InvalidValue, error.Code);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_stored_before_the_bounds_are_left_out_of_every_read_instead_of_breaking_it(bool walkLeaderboards)
    {
        // Walked, the leaderboard ranks the latest rows, which the triggers keep from plausible values only.
        var gym = await ReadScenario.CreateAsync(database, configure: options => options.LeaderboardWalkFrom = walkLeaderboards ? 0 : int.MaxValue);
        var (poisoner, honest) = (await gym.AddMemberAsync(database), await gym.AddMemberAsync(database));
        var run = await gym.Scope.Catalog.CreateAsync(new CatalogEntry(Catalogue.UniqueSlug("run_12min"), LocalizedName.Of("en", "12 min run"), MetricUnit.Meter, MetricKind.Distance));
        await gym.RecordAsync(honest, gym.Squat, 140, MetricUnit.Kilogram, Duration.FromDays(3));
        await gym.RecordAsync(honest, run, 3000, MetricUnit.Meter, Duration.FromDays(3));
        var plausible = await gym.RecordAsync(poisoner, gym.Squat, 120, MetricUnit.Kilogram, Duration.FromDays(5));

        // Written by hand in the gym, as another tool or an old version could have: each newer than the plausible value.
        await PoisonAsync(gym.Gym, poisoner, gym.Squat.Id, "9999999999.9999", "kg", "coach_input", hoursAgo: 30);
        await PoisonAsync(gym.Gym, poisoner, gym.Squat.Id, "80", "meters", "coach_input", hoursAgo: 20);
        await PoisonAsync(gym.Gym, poisoner, run.Id, "9999999999", "kilometers", "self_report", hoursAgo: 10);
        var oddSource = await PoisonAsync(gym.Gym, poisoner, gym.Squat.Id, "125", "kg", "Coach Input!", hoursAgo: 1);

        foreach (var units in Enum.GetValues<UnitPreference>())
        {
            foreach (var order in Enum.GetValues<LeaderboardOrder>())
            {
                var squats = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { Order = order, Units = units });
                Assert.Equal(oddSource, squats.Items.Single(e => e.MemberId == poisoner).Reading.Id); // the latest plausible value
                var runs = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, run.Id) { Order = order, Units = units });
                Assert.Equal([honest], runs.Items.Select(e => e.MemberId));
            }

            var set = await gym.Scope.Sets.CreateAsync(gym.CoachView, MetricOwner.ForOrganization(gym.Gym), $"Benchmarks {units}", [gym.Squat.Id, run.Id]);
            var resolved = await gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(set.Id, poisoner) { Units = units });
            Assert.Equal(oddSource, resolved.Metrics[0].Latest!.Id);
            Assert.Null(resolved.Metrics[1].Latest);
        }

        var history = await gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(poisoner, gym.Squat.Id));
        Assert.Equal([plausible.Id, oddSource], history.Items.Select(r => r.Id));
        Assert.Null(history.Items[1].Source); // not a valid code: reported as unknown
        var bests = await gym.Scope.Reader.GetPersonalBestsAsync(gym.CoachView, poisoner, [gym.Squat.Id, run.Id]);
        Assert.Equal(oddSource, bests[gym.Squat.Id].Id);
        Assert.False(bests.ContainsKey(run.Id));
    }

    private async Task<MemberMetricId> PoisonAsync(OrganizationId recordedIn, UserId member, MetricDefinitionId definition, string amount, string unit, string source, int hoursAgo)
    {
        var id = MemberMetricId.New();
        await database.ExecuteAsync($"""
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
            VALUES ('{id}', '{member}', '{definition}', {amount}, '{unit}', TIMESTAMPTZ '2026-11-01 09:00Z' - interval '{hoursAgo} hours', '{source}', '{recordedIn}')
            """);
        return id;
    }
}
