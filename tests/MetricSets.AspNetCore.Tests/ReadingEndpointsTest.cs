using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;

namespace MetricSets.AspNetCore.Tests;

/// <summary>History (keyset pages, sealed cursors, intervals), last N, latest values and personal bests.</summary>
public sealed class ReadingEndpointsTest(ApiHost host) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 8, 0);
    private UserId _member;

    public async Task InitializeAsync()
    {
        // A member of Tel Aviv of this test's own, with 5 bench presses a week apart and 3 rows.
        _member = await host.Database.AddUserAsync();
        host.Directory.AddMember(_member, host.TelAviv);
        decimal[] bench = [100, 110, 105, 120, 115];
        for (var week = 0; week < bench.Length; week++)
        {
            await host.RecordAsync(host.TelAviv, host.Maya, _member, "bench_press_1rm", MetricValue.Of(bench[week], MetricUnit.Kilogram), Start + Duration.FromDays(7 * week));
        }

        decimal[] rows = [480, 455, 470];
        for (var week = 0; week < rows.Length; week++)
        {
            await host.RecordAsync(host.TelAviv, host.Maya, _member, "row_2000m_time", MetricValue.Of(rows[week], MetricUnit.Second), Start + Duration.FromDays(7 * week));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task History_pages_oldest_first_with_a_cursor_until_the_last_page()
    {
        var client = host.ClientAs(host.Maya);
        var amounts = new List<decimal>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{History("bench_press_1rm")}?pageSize=2&units=imperial{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            amounts.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("asRecorded").GetProperty("amount").GetDecimal()));
            Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal("lb", item.GetProperty("value").GetProperty("unit").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal([100m, 110m, 105m, 120m, 115m], amounts);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task History_keeps_to_the_interval()
    {
        var page = await host.ClientAs(host.Maya).GetFromJsonAsync<JsonElement>(
            $"{History("bench_press_1rm")}?from=2026-01-08T08:00:00Z&to=2026-01-22T08:00:00Z");

        Assert.Equal([110m, 105m], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("value").GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task An_interval_that_starts_where_it_ends_is_empty_not_an_error()
    {
        var response = await host.ClientAs(host.Maya).GetAsync($"{History("bench_press_1rm")}?from=2026-01-08T08:00:00Z&to=2026-01-08T08:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_inverted_interval_is_400()
    {
        var response = await host.ClientAs(host.Maya).GetAsync($"{History("bench_press_1rm")}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", "to");
    }

    [Fact]
    public async Task A_tampered_cursor_is_400_naming_the_cursor()
    {
        var client = host.ClientAs(host.Maya);
        var first = await client.GetFromJsonAsync<JsonElement>($"{History("bench_press_1rm")}?pageSize=2");
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? 'B' : 'A') + cursor[^1];

        var response = await client.GetAsync($"{History("bench_press_1rm")}?pageSize=2&cursor={Uri.EscapeDataString(tampered)}");
        var otherQuery = await client.GetAsync($"{History("row_2000m_time")}?pageSize=2&cursor={Uri.EscapeDataString(cursor)}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", "cursor");
        await ProblemAssert.IsAsync(otherQuery, HttpStatusCode.BadRequest, "invalid-value", "cursor");
    }

    [Fact]
    public async Task A_page_size_out_of_range_and_a_malformed_time_are_400()
    {
        var size = await host.ClientAs(host.Maya).GetAsync($"{History("bench_press_1rm")}?pageSize=0");
        var time = await host.ClientAs(host.Maya).GetAsync($"{History("bench_press_1rm")}?from=yesterday");

        await ProblemAssert.IsAsync(size, HttpStatusCode.BadRequest, "invalid-value", "pageSize");
        await ProblemAssert.IsAsync(time, HttpStatusCode.BadRequest, "invalid-value", "query");
    }

    [Fact]
    public async Task Last_n_returns_each_definitions_newest_values()
    {
        var last = await host.ClientAs(host.Maya).GetFromJsonAsync<JsonElement>(
            $"{Member}/metrics/last?definitionId={host.Definition("bench_press_1rm")}&definitionId={host.Definition("row_2000m_time")}&count=2");

        Assert.Equal([115m, 120m], Amounts(last.GetProperty(host.Definition("bench_press_1rm").ToString())));
        Assert.Equal([470m, 455m], Amounts(last.GetProperty(host.Definition("row_2000m_time").ToString())));
    }

    [Fact]
    public async Task Latest_and_personal_bests_side_by_side_follow_each_kinds_direction()
    {
        var query = $"definitionId={host.Definition("bench_press_1rm")}&definitionId={host.Definition("row_2000m_time")}&units=imperial";
        var client = host.ClientAs(host.Maya);

        var latest = await client.GetFromJsonAsync<JsonElement>($"{Member}/metrics/latest?{query}");
        var bests = await client.GetFromJsonAsync<JsonElement>($"{Member}/metrics/bests?{query}");

        var bench = host.Definition("bench_press_1rm").ToString();
        var row = host.Definition("row_2000m_time").ToString();
        Assert.Equal(115m, latest.GetProperty(bench).GetProperty("asRecorded").GetProperty("amount").GetDecimal());
        Assert.Equal("""{"amount":253.5316,"unit":"lb","symbol":"lb"}""", latest.GetProperty(bench).GetProperty("value").GetRawText());
        Assert.Equal(120m, bests.GetProperty(bench).GetProperty("asRecorded").GetProperty("amount").GetDecimal());
        Assert.Equal("""{"amount":455,"unit":"seconds","symbol":"s"}""", bests.GetProperty(row).GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Reads_without_a_definition_are_400_and_of_an_unknown_one_404()
    {
        var none = await host.ClientAs(host.Maya).GetAsync($"{Member}/metrics/latest");
        var unknown = await host.ClientAs(host.Maya).GetAsync($"{Member}/metrics/bests?definitionId={MetricDefinitionId.New()}");

        await ProblemAssert.IsAsync(none, HttpStatusCode.BadRequest, "invalid-value", "definitionId");
        await ProblemAssert.IsAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_member_reads_their_own_values_and_another_member_reads_nothing()
    {
        var own = await host.ClientAs(_member).GetAsync($"{Member}/metrics/latest?definitionId={host.Definition("bench_press_1rm")}");
        var dana = await host.ClientAs(host.Dana).GetAsync($"{Member}/metrics/latest?definitionId={host.Definition("bench_press_1rm")}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ProblemAssert.IsAsync(dana, HttpStatusCode.NotFound, "not-found");
    }

    private string Member => $"{ApiHost.Prefix}/orgs/{host.TelAviv}/members/{_member}";

    private string History(string slug) => $"{Member}/metrics/{host.Definition(slug)}/history";

    private static List<decimal> Amounts(JsonElement readings) =>
        [.. readings.EnumerateArray().Select(r => r.GetProperty("value").GetProperty("amount").GetDecimal())];
}
