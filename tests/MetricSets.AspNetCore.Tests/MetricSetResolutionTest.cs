using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MetricSets.AspNetCore.Tests;

/// <summary>The seed's endpoint: a set resolved for a member, localized and converted; refusals answer like missing.</summary>
public sealed class MetricSetResolutionTest(ApiHost host) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private MetricSetId _set;

    public async Task InitializeAsync()
    {
        var created = await host.ClientAs(host.Maya).PostAsJsonAsync(
            $"{Org(host.TelAviv)}/metric-sets",
            new { name = "Strength Benchmarks", definitionIds = new[] { host.Definition("back_squat_1rm"), host.Definition("row_2000m_time"), host.Definition("body_fat_percentage") } });
        _set = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").Deserialize<MetricSetId>();
        await host.RecordAsync(host.TelAviv, host.Maya, host.Dana, "back_squat_1rm", MetricValue.Of(225, MetricUnit.Pound));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Resolving_returns_the_definitions_in_order_with_the_latest_value_converted()
    {
        var response = await host.ClientAs(host.Maya).GetAsync($"{Resolve(host.Dana)}?units=metric");
        var resolved = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Strength Benchmarks", resolved.GetProperty("name").GetString());
        Assert.Equal("organization", resolved.GetProperty("owner").GetProperty("kind").GetString());
        var metrics = resolved.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(["back_squat_1rm", "row_2000m_time", "body_fat_percentage"], metrics.Select(m => m.GetProperty("slug").GetString()));
        var squat = metrics[0].GetProperty("latest");
        Assert.Equal("""{"amount":102.0583,"unit":"kg","symbol":"kg"}""", squat.GetProperty("value").GetRawText());
        Assert.Equal("""{"amount":225,"unit":"lb","symbol":"lb"}""", squat.GetProperty("asRecorded").GetRawText());
        Assert.Equal("s", metrics[1].GetProperty("unitSymbol").GetString());
        Assert.Equal(JsonValueKind.Null, metrics[1].GetProperty("latest").ValueKind);
    }

    [Theory]
    [InlineData("he-IL,he;q=0.9", "he-IL", "1RM סקוואט אחורי")]
    [InlineData("ru", "ru", "1ПМ присед со штангой на спине")]
    [InlineData("fr-CA, ru;q=0.5", "fr-CA", "1RM Back Squat")]
    [InlineData(null, "en", "1RM Back Squat")]
    public async Task Accept_language_picks_the_names_language(string? acceptLanguage, string language, string squatName)
    {
        var response = await host.ClientAs(host.Maya, acceptLanguage).GetAsync(Resolve(host.Dana));
        var resolved = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(language, resolved.GetProperty("language").GetString());
        Assert.Equal(squatName, resolved.GetProperty("metrics")[0].GetProperty("name").GetString());
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("imperial", "lb", "225")]
    [InlineData("definition", "kg", "102.0583")]
    [InlineData("metric", "kg", "102.0583")]
    public async Task Units_pick_the_unit_preference(string units, string unit, string amount)
    {
        var resolved = await host.ClientAs(host.Maya).GetFromJsonAsync<JsonElement>($"{Resolve(host.Dana)}?units={units}");

        var value = resolved.GetProperty("metrics")[0].GetProperty("latest").GetProperty("value");
        Assert.Equal(unit, value.GetProperty("unit").GetString());
        Assert.Equal(amount, value.GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task A_wrong_unit_preference_is_a_problem_naming_units()
    {
        var response = await host.ClientAs(host.Maya).GetAsync($"{Resolve(host.Dana)}?units=furlongs");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", "units");
    }

    [Fact]
    public async Task Another_gyms_member_answers_exactly_like_a_missing_member()
    {
        // Olga is Haifa's; Maya is staff of Tel Aviv only. The set is Tel Aviv's. The same id is asked twice: once for a
        // member who exists elsewhere, once for no one, and the two answers must be byte for byte the same.
        var nobody = UserId.New();
        var hidden = await host.ClientAs(host.Maya).GetAsync(Resolve(host.Olga));
        var missing = await host.ClientAs(host.Maya).GetAsync(Resolve(nobody));

        var hiddenProblem = await ProblemAssert.IsAsync(hidden, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(missing, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("member", hiddenProblem.GetProperty("entity").GetString());
        Assert.Equal(
            (await hidden.Content.ReadAsStringAsync()).Replace(host.Olga.ToString(), "ID", StringComparison.Ordinal),
            (await missing.Content.ReadAsStringAsync()).Replace(nobody.ToString(), "ID", StringComparison.Ordinal));
        Assert.Equal(hidden.Content.Headers.ContentType, missing.Content.Headers.ContentType);
    }

    [Fact]
    public async Task A_member_of_another_gym_acting_in_this_one_gets_404_too()
    {
        // Olga, authenticated, names Tel Aviv in the route: the directory gives her no role there.
        var response = await host.ClientAs(host.Olga).GetAsync(Resolve(host.Dana));

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Without_authentication_it_is_401_with_a_problem()
    {
        var response = await host.Anonymous().GetAsync(Resolve(host.Dana));

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task An_authenticated_user_without_a_guid_user_id_is_unauthenticated()
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("Authorization", TestAuthenticationHandler.Header(("name", "dana")));

        var response = await client.GetAsync(Resolve(host.Dana));

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_route_id_that_is_not_a_guid_is_a_problem_naming_it()
    {
        var response = await host.ClientAs(host.Maya).GetAsync($"{Org(host.TelAviv)}/members/not-a-guid/metric-sets/{_set}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", "memberId");
    }

    private string Resolve(UserId member) => $"{Org(host.TelAviv)}/members/{member}/metric-sets/{_set}";

    private static string Org(OrganizationId organization) => $"{ApiHost.Prefix}/orgs/{organization}";
}
