using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MetricSets.AspNetCore.Tests;

/// <summary>The organization's leaderboard: order, units, sources, paging, staff only.</summary>
public sealed class LeaderboardEndpointTest(ApiHost host) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private readonly List<UserId> _members = [];

    public async Task InitializeAsync()
    {
        // A gym of its own, so the board holds exactly these three: 265 lb (120.2 kg), 110 kg, 100 kg recorded by a member.
        var gym = await host.Database.AddOrganizationAsync();
        var coach = await host.Database.AddUserAsync();
        host.Directory.AddStaff(coach, gym);
        Gym = gym;
        Coach = coach;
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var member = await host.Database.AddUserAsync();
            host.Directory.AddMember(member, gym);
            _members.Add(member);
        }

        await host.RecordAsync(gym, coach, _members[0], "deadlift_1rm", MetricValue.Of(265, MetricUnit.Pound));
        await host.RecordAsync(gym, coach, _members[1], "deadlift_1rm", MetricValue.Of(110, MetricUnit.Kilogram));
        await host.RecordAsync(MetricViewer.ForMember(_members[2], gym), new RecordMetricRequest(_members[2], host.Definition("deadlift_1rm"), MetricValue.Of(100, MetricUnit.Kilogram)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private OrganizationId Gym { get; set; }

    private UserId Coach { get; set; }

    [Fact]
    public async Task Best_first_ranks_across_units_in_the_requested_units()
    {
        var board = await host.ClientAs(Coach).GetFromJsonAsync<JsonElement>($"{Board}?units=metric");

        var entries = board.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(_members.Select(m => m.ToString()), entries.Select(e => e.GetProperty("memberId").GetString()));
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.GetProperty("rank").GetInt64()));
        Assert.Equal("""{"amount":120.202,"unit":"kg","symbol":"kg"}""", entries[0].GetProperty("reading").GetProperty("value").GetRawText());
        Assert.Equal("""{"amount":265,"unit":"lb","symbol":"lb"}""", entries[0].GetProperty("reading").GetProperty("asRecorded").GetRawText());
        Assert.Null(board.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task Latest_first_orders_by_time()
    {
        var board = await host.ClientAs(Coach).GetFromJsonAsync<JsonElement>($"{Board}?order=latest");

        Assert.Equal(_members[2].ToString(), board.GetProperty("items")[0].GetProperty("memberId").GetString());
    }

    [Fact]
    public async Task Sources_keep_only_those_values()
    {
        var board = await host.ClientAs(Coach).GetFromJsonAsync<JsonElement>($"{Board}?source=self_report");
        var both = await host.ClientAs(Coach).GetFromJsonAsync<JsonElement>($"{Board}?source=self_report&source=coach_input");

        Assert.Equal([_members[2].ToString()], board.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("memberId").GetString()));
        Assert.Equal(3, both.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_follow_the_cursor()
    {
        var client = host.ClientAs(Coach);
        var first = await client.GetFromJsonAsync<JsonElement>($"{Board}?pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"{Board}?pageSize=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(_members[2].ToString(), Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("memberId").GetString());
        Assert.Equal(3, second.GetProperty("items")[0].GetProperty("rank").GetInt64());
    }

    [Theory]
    [InlineData("?order=worst", "order")]
    [InlineData("?source=Not%20A%20Code", "source")]
    [InlineData("?units=stones", "units")]
    public async Task Wrong_options_are_400_naming_them(string query, string parameter)
    {
        var response = await host.ClientAs(Coach).GetAsync(Board + query);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", parameter);
    }

    [Fact]
    public async Task A_member_and_another_gyms_staff_get_404()
    {
        var member = await host.ClientAs(_members[0]).GetAsync(Board);
        var otherStaff = await host.ClientAs(host.Maya).GetAsync(Board);

        await ProblemAssert.IsAsync(member, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(otherStaff, HttpStatusCode.NotFound, "not-found");
    }

    private string Board => $"{ApiHost.Prefix}/orgs/{Gym}/leaderboards/{host.Definition("deadlift_1rm")}";
}
