using MetricSets.IntegrationTests.TestUtilities;
using static MetricSets.IntegrationTests.Security.RowLevelSecurityDatabase;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// The library's own calls as the application role of docs/row-level-security.sql, with
/// <c>MetricSetsOptions.RowLevelSecurity</c> on: each statement says who is asking, so PostgreSQL's policies and the
/// library's agree — every read returns what the library returns without RLS, and its writes pass RLS's checks.
/// </summary>
public sealed class RowLevelSecurityLibraryTest(ForTheLibrary database) : IClassFixture<ForTheLibrary>, IAsyncLifetime
{
    private static readonly MetricDefinitionId Squat = new(Definition);

    public static TheoryData<string> Viewers => new() { "coach A", "coach B", "member AB", "member A", "member B" };

    // A host's application role reads its own tables; the library's record statement checks users and organizations.
    public Task InitializeAsync() => database.PrepareForTheLibraryAsync(database.AppConnectionString, database.AdminConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Every_read_returns_what_the_library_returns_without_row_level_security(string name)
    {
        var viewer = ViewerNamed(name);
        await using var app = new ServiceScope(database.AppConnectionString, o => o.RowLevelSecurity = true);
        await using var admin = new ServiceScope(database.AdminConnectionString);

        foreach (var member in new[] { MemberA, MemberAB, MemberB })
        {
            Assert.Equal(await HistoryAsync(admin, viewer, member), await HistoryAsync(app, viewer, member));
            Assert.Equal(await LatestAsync(admin, viewer, member), await LatestAsync(app, viewer, member));
        }

        foreach (var gym in new[] { GymA, GymB })
        {
            Assert.Equal(await LeaderboardAsync(admin, viewer, gym), await LeaderboardAsync(app, viewer, gym));
        }
    }

    [Fact]
    public async Task Without_the_option_row_level_security_hides_every_value_from_the_library()
    {
        await using var app = new ServiceScope(database.AppConnectionString);
        var coach = MetricViewer.ForStaff(new UserId(CoachA), new OrganizationId(GymA));

        var page = await app.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(new UserId(MemberA), Squat));

        await using var withViewer = new ServiceScope(database.AppConnectionString, o => o.RowLevelSecurity = true);
        Assert.Empty(page.Items);
        Assert.NotEmpty((await withViewer.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(new UserId(MemberA), Squat))).Items);
    }

    [Fact]
    public async Task Writes_pass_row_level_securitys_checks_single_bulk_and_delete()
    {
        await using var app = new ServiceScope(database.AppConnectionString, o => o.RowLevelSecurity = true);
        var coach = MetricViewer.ForStaff(new UserId(CoachA), new OrganizationId(GymA));
        var member = MetricViewer.ForMember(new UserId(MemberA));
        RecordMetricRequest Value(decimal kilograms, MetricSource source, MemberMetricId? id = null) =>
            new(new UserId(MemberA), Squat, MetricValue.Of(kilograms, MetricUnit.Kilogram)) { Source = source, Id = id };

        var byCoach = await app.Recorder.RecordAsync(coach, Value(150, MetricSource.CoachInput));
        var byMember = await app.Recorder.RecordAsync(member, Value(151, MetricSource.SelfReport));
        var direct = await app.Recorder.RecordManyAsync(coach, [Value(152, MetricSource.CoachInput), Value(153, MetricSource.CoachInput)]);
        var staged = await app.Recorder.RecordManyAsync(coach, [Value(154, MetricSource.CoachInput, MemberMetricId.New())]);
        await app.Recorder.DeleteAsync(coach, byCoach.Id);
        await app.Recorder.DeleteAsync(member, byMember.Id);

        Assert.Equal((2, 1), (direct.Recorded, staged.Recorded));
        Assert.Equal(
            ["152", "153", "154"],
            await database.AdminQueryAsync("SELECT value::int FROM member_metrics WHERE value BETWEEN 150 AND 154 ORDER BY value"));
        Assert.Equal(
            [GymA.ToString()],
            await database.AdminQueryAsync("SELECT DISTINCT organization_id::text FROM member_metrics WHERE value BETWEEN 150 AND 154"));
    }

    [Fact]
    public async Task An_id_that_row_level_security_hides_answers_like_any_reused_id()
    {
        await using var app = new ServiceScope(database.AppConnectionString, o => o.RowLevelSecurity = true);
        var hidden = new MemberMetricId(Guid.Parse((await database.AdminQueryAsync("SELECT id::text FROM member_metrics WHERE value = 11")).Single()));
        var memberB = MetricViewer.ForMember(new UserId(MemberB));

        var error = await Assert.ThrowsAsync<MetricConflictException>(() => app.Recorder.RecordAsync(
            memberB, new RecordMetricRequest(new UserId(MemberB), Squat, MetricValue.Of(60, MetricUnit.Kilogram)) { Id = hidden }));

        Assert.Equal(MetricErrorCode.IdInUse, error.Code);
        Assert.Equal(["11"], await database.AdminQueryAsync($"SELECT value::int FROM member_metrics WHERE id = '{hidden}'"));
    }

    private static MetricViewer ViewerNamed(string name) => name switch
    {
        "coach A" => MetricViewer.ForStaff(new UserId(CoachA), new OrganizationId(GymA)),
        "coach B" => MetricViewer.ForStaff(new UserId(CoachB), new OrganizationId(GymB)),
        "member AB" => MetricViewer.ForMember(new UserId(MemberAB)),
        "member A" => MetricViewer.ForMember(new UserId(MemberA), new OrganizationId(GymA)),
        _ => MetricViewer.ForMember(new UserId(MemberB)),
    };

    // What a read returns, or "refused": the same refusal either way is agreement too.
    private static async Task<string> HistoryAsync(ServiceScope scope, MetricViewer viewer, Guid member) =>
        await Outcome(async () => string.Join(',', (await scope.Reader.GetHistoryAsync(viewer, new MetricHistoryQuery(new UserId(member), Squat))).Items.Select(r => r.Value.Amount)));

    private static Task<string> LatestAsync(ServiceScope scope, MetricViewer viewer, Guid member) =>
        Outcome(async () => (await scope.Reader.FindLatestAsync(viewer, new UserId(member), Squat))?.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");

    private static Task<string> LeaderboardAsync(ServiceScope scope, MetricViewer viewer, Guid gym) =>
        Outcome(async () => string.Join(',', (await scope.Leaderboards.GetLeaderboardAsync(viewer, new MetricLeaderboardQuery(new OrganizationId(gym), Squat))).Items.Select(e => $"{e.MemberId}:{e.Reading.Value.Amount}")));

    private static async Task<string> Outcome(Func<Task<string>> read)
    {
        try
        {
            return await read();
        }
        catch (MetricNotFoundException refused)
        {
            return $"refused: {refused.Entity}";
        }
    }
}
