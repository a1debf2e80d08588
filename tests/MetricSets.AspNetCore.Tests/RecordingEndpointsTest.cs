using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace MetricSets.AspNetCore.Tests;

/// <summary>Recording one value, importing many, deleting one: statuses, problems and what is written.</summary>
public sealed class RecordingEndpointsTest(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Recording_answers_201_with_the_stored_value_and_its_location()
    {
        var response = await host.ClientAs(host.Maya).PostAsJsonAsync(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics",
            new { slug = "deadlift_1rm", value = new { amount = 140.50m, unit = "kg" }, source = "coach_input", recordedAt = "2026-11-01T08:00:00+02:00" });
        var reading = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"amount":140.5,"unit":"kg","symbol":"kg"}""", reading.GetProperty("value").GetRawText());
        Assert.Equal("coach_input", reading.GetProperty("source").GetString());
        Assert.Equal(host.TelAviv.ToString(), reading.GetProperty("recordedIn").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture), reading.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.Equal(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics/{host.Definition("deadlift_1rm")}/history",
            response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_member_records_their_own_value_as_a_self_report()
    {
        var response = await host.ClientAs(host.Dana).PostAsJsonAsync(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics",
            new { definitionId = host.Definition("body_weight"), value = new { amount = 61.2m, unit = "kg" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("self_report", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Repeating_an_id_returns_the_stored_value_and_reusing_it_for_another_value_is_409()
    {
        var id = MemberMetricId.New();
        var url = $"{Org(host.TelAviv)}/members/{host.Dana}/metrics";
        var client = host.ClientAs(host.Maya);

        var first = await client.PostAsJsonAsync(url, new { id, slug = "back_squat_1rm", value = new { amount = 100, unit = "kg" }, source = "coach_input" });
        var again = await client.PostAsJsonAsync(url, new { id, slug = "back_squat_1rm", value = new { amount = 100, unit = "kg" }, source = "coach_input" });
        var different = await client.PostAsJsonAsync(url, new { id, slug = "back_squat_1rm", value = new { amount = 101, unit = "kg" }, source = "coach_input" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1L, await host.Database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", id.Value));
        await ProblemAssert.IsAsync(different, HttpStatusCode.Conflict, "id-in-use");
    }

    [Theory]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": 100, "unit": "stone" } }""", "value")]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": -5, "unit": "kg" } }""", "value")]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": 10, "unit": "seconds" } }""", "value")]
    [InlineData("""{ "slug": "Bench Press", "value": { "amount": 10, "unit": "kg" } }""", "slug")]
    [InlineData("""{ "slug": "bench_press_1rm" }""", "value")]
    [InlineData("""{ "value": { "amount": 10, "unit": "kg" } }""", "definitionId")]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": 10, "unit": "kg" }, "source": "self_report" }""", "source")]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": 10, "unit": "kg" }, "recordedAt": "2999-01-01T00:00:00Z" }""", "recordedAt")]
    [InlineData("""not json""", "body")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter_and_writes_nothing(string body, string parameter)
    {
        var before = await host.Database.CountAsync("member_metrics");

        var response = await host.ClientAs(host.Maya).PostAsync(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", parameter);
        Assert.Equal(before, await host.Database.CountAsync("member_metrics"));
    }

    [Fact]
    public async Task An_unknown_slug_is_404_naming_the_definition()
    {
        var response = await host.ClientAs(host.Maya).PostAsJsonAsync(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics", new { slug = "no_such_lift", value = new { amount = 1, unit = "kg" } });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("metricDefinition", problem.GetProperty("entity").GetString());
    }

    [Fact]
    public async Task Staff_of_another_gym_cannot_record_and_it_looks_like_a_missing_member()
    {
        var before = await host.Database.CountAsync("member_metrics");

        var response = await host.ClientAs(host.Avi).PostAsJsonAsync(
            $"{Org(host.Haifa)}/members/{host.Dana}/metrics", new { slug = "back_squat_1rm", value = new { amount = 100, unit = "kg" }, source = "coach_input" });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("member", problem.GetProperty("entity").GetString());
        Assert.Equal(before, await host.Database.CountAsync("member_metrics"));
    }

    [Fact]
    public async Task Input_is_never_echoed_unescaped()
    {
        // The slug's rule names the input; the problem's JSON must escape markup, so no page that shows it runs it.
        var response = await host.ClientAs(host.Maya).PostAsync(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics",
            new StringContent("""{ "slug": "<script>alert(1)</script>", "value": { "amount": 1, "unit": "kg" } }""", Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_records_every_row_and_again_records_nothing_new()
    {
        var rows = Enumerable.Range(0, 30).Select(i => new
        {
            id = MemberMetricId.New(),
            memberId = host.Dana,
            slug = "max_pull_ups",
            value = new { amount = 10 + i, unit = "reps" },
            source = "coach_input",
            recordedAt = DateTimeOffset.UtcNow.AddDays(-30 + i),
        }).ToList();
        var client = host.ClientAs(host.Maya);

        var first = await client.PostAsJsonAsync($"{Org(host.TelAviv)}/metrics/import", new { rows });
        var again = await client.PostAsJsonAsync($"{Org(host.TelAviv)}/metrics/import", new { rows });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"total":30,"recorded":30,"alreadyRecorded":0}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"total":30,"recorded":0,"alreadyRecorded":30}""", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_import_with_bad_rows_lists_each_bad_row_and_writes_nothing()
    {
        var before = await host.Database.CountAsync("member_metrics");
        var body = $$"""
            { "rows": [
              { "memberId": "{{host.Dana}}", "slug": "back_squat_1rm", "value": { "amount": 100, "unit": "kg" }, "source": "coach_input" },
              { "memberId": "{{host.Dana}}", "slug": "no_such_lift", "value": { "amount": 100, "unit": "kg" } },
              { "slug": "back_squat_1rm", "value": { "amount": 100, "unit": "kg" } },
              { "memberId": "{{host.Dana}}", "slug": "back_squat_1rm" },
              { "memberId": "{{host.Dana}}", "slug": "back_squat_1rm", "value": { "amount": 100, "unit": "kg" }, "source": "coach_input" }
            ] }
            """;

        var response = await host.ClientAs(host.Maya).PostAsync($"{Org(host.TelAviv)}/metrics/import", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-batch", "rows");
        Assert.Equal(3, problem.GetProperty("errorCount").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("parameter").GetString())).ToList();
        Assert.Equal([(1, "definitionId"), (2, "memberId"), (3, "value")], errors);
        Assert.Equal(before, await host.Database.CountAsync("member_metrics"));
    }

    [Fact]
    public async Task An_import_the_library_refuses_row_by_row_reports_the_library_s_reasons()
    {
        var body = $$"""
            { "rows": [
              { "memberId": "{{host.Dana}}", "slug": "back_squat_1rm", "value": { "amount": 100, "unit": "kg" }, "source": "coach_input" },
              { "memberId": "{{host.Dana}}", "slug": "back_squat_1rm", "value": { "amount": 10, "unit": "seconds" }, "source": "coach_input" }
            ] }
            """;

        var response = await host.ClientAs(host.Maya).PostAsync($"{Org(host.TelAviv)}/metrics/import", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-batch", "requests");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("index").GetInt32());
        Assert.Contains("cannot be recorded", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_oversized_import_is_a_problem_naming_rows()
    {
        var empty = await host.ClientAs(host.Maya).PostAsJsonAsync($"{Org(host.TelAviv)}/metrics/import", new { rows = Array.Empty<object>() });
        var missing = await host.ClientAs(host.Maya).PostAsJsonAsync($"{Org(host.TelAviv)}/metrics/import", new { });

        await ProblemAssert.IsAsync(empty, HttpStatusCode.BadRequest, "invalid-value", "rows");
        await ProblemAssert.IsAsync(missing, HttpStatusCode.BadRequest, "invalid-value", "rows");
    }

    [Fact]
    public async Task An_import_of_exactly_the_maximum_is_recorded_and_one_row_more_is_refused()
    {
        await using var app = await ApiHost.StartAsync(host.ConnectionString, host.Directory, options: o => o.MaxImportRows = 2);
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = System.Net.Http.Headers.AuthenticationHeaderValue.Parse(TestAuthenticationHandler.Header(host.Maya));
        object Row(int reps) => new { memberId = host.Dana, slug = "max_pull_ups", value = new { amount = reps, unit = "reps" }, source = "coach_input" };

        var atMaximum = await client.PostAsJsonAsync($"{Org(host.TelAviv)}/metrics/import", new { rows = new[] { Row(5), Row(6) } });
        var overMaximum = await client.PostAsJsonAsync($"{Org(host.TelAviv)}/metrics/import", new { rows = new[] { Row(5), Row(6), Row(7) } });

        Assert.Equal(HttpStatusCode.OK, atMaximum.StatusCode);
        var problem = await ProblemAssert.IsAsync(overMaximum, HttpStatusCode.BadRequest, "invalid-value", "rows");
        Assert.Contains("1 to 2 rows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_naming_another_member_than_the_route_is_a_problem_naming_memberId_and_writes_nothing()
    {
        var before = await host.ClientAs(host.Maya).GetFromJsonAsync<JsonElement>($"{Org(host.TelAviv)}/members/{host.Dana}/metrics/{host.Definition("front_squat_1rm")}/history");

        var response = await host.ClientAs(host.Maya).PostAsJsonAsync(
            $"{Org(host.TelAviv)}/members/{host.Dana}/metrics",
            new { memberId = host.Olga, slug = "front_squat_1rm", value = new { amount = 90, unit = "kg" } });
        var after = await host.ClientAs(host.Maya).GetFromJsonAsync<JsonElement>($"{Org(host.TelAviv)}/members/{host.Dana}/metrics/{host.Definition("front_squat_1rm")}/history");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", "memberId");
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Deleting_answers_204_then_404_and_another_gym_cannot_delete()
    {
        var reading = await host.RecordAsync(host.TelAviv, host.Maya, host.Dana, "back_squat_1rm", MetricValue.Of(90, MetricUnit.Kilogram));

        var refused = await host.ClientAs(host.Avi).DeleteAsync($"{Org(host.Haifa)}/member-metrics/{reading.Id}");
        var deleted = await host.ClientAs(host.Maya).DeleteAsync($"{Org(host.TelAviv)}/member-metrics/{reading.Id}");
        var again = await host.ClientAs(host.Maya).DeleteAsync($"{Org(host.TelAviv)}/member-metrics/{reading.Id}");

        await ProblemAssert.IsAsync(refused, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsAsync(again, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(
            (await refused.Content.ReadAsStringAsync()).Replace(host.Haifa.ToString(), "ORG", StringComparison.Ordinal),
            (await again.Content.ReadAsStringAsync()).Replace(host.TelAviv.ToString(), "ORG", StringComparison.Ordinal));
    }

    private static string Org(OrganizationId organization) => $"{ApiHost.Prefix}/orgs/{organization}";
}
