using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace MetricSets.SampleHost.Tests;

/// <summary>The sample host in-process: migrations, seeding, and every endpoint as documented.</summary>
public sealed class SampleHostApiTest(SampleHostFixture host) : IClassFixture<SampleHostFixture>
{
    private const string TelAviv = "Tel Aviv Barbell";

    [Fact]
    public async Task Its_migrations_create_the_seed_schema_with_the_defaults_provenance_column()
    {
        // InitialCreate is the seed exactly (0.1); RecordedInProvenance is the upgrade every host adds for 0.2's default.
        Assert.Equal(SeedSchema.WithDefaults.Columns, await CatalogSnapshot.ColumnsAsync(host.ConnectionString));
        Assert.Equal(SeedSchema.Enums, await CatalogSnapshot.EnumsAsync(host.ConnectionString));
        Assert.Equal(SeedSchema.WithDefaults.Constraints, await CatalogSnapshot.ConstraintsAsync(host.ConnectionString));
        Assert.Equal(SeedSchema.WithDefaults.Indexes, await CatalogSnapshot.IndexesAsync(host.ConnectionString));
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_seeds_nothing_twice()
    {
        await using var again = SampleHostFixture.Start(host.ConnectionString);
        var demo = await again.CreateClient().GetFromJsonAsync<DemoDirectory>("/demo");

        Assert.Equal(3, demo!.Organizations.Count);
        Assert.Equal(StandardCatalog.Entries.Count, await CountAsync("metric_definitions"));
        Assert.Equal(3L, await CountAsync("organizations"));
    }

    [Fact]
    public async Task Resolving_a_set_returns_localized_names_and_converted_latest_values()
    {
        var client = host.ClientAs("Coach Maya");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he-IL,he;q=0.9");

        var resolved = await client.GetFromJsonAsync<JsonElement>(ResolveUrl("Dana Levi", "Strength Benchmarks") + "?units=metric");

        var squat = resolved.GetProperty("metrics")[0];
        Assert.Equal("Strength Benchmarks", resolved.GetProperty("name").GetString());
        Assert.Equal("1RM סקוואט אחורי", squat.GetProperty("name").GetString());
        Assert.Equal("kg", squat.GetProperty("latest").GetProperty("value").GetProperty("unit").GetString());
        Assert.Equal("lb", squat.GetProperty("latest").GetProperty("asRecorded").GetProperty("unit").GetString());
        Assert.Equal(80.0591m, squat.GetProperty("latest").GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal(6, resolved.GetProperty("metrics").GetArrayLength());
    }

    [Fact]
    public async Task Forbidden_looks_like_not_found()
    {
        // Coach Avi is staff of Haifa, not Tel Aviv; Olga is not a member of Tel Aviv.
        var hidden = await host.ClientAs("Coach Avi").GetAsync(ResolveUrl("Dana Levi", "Strength Benchmarks"));
        var outsider = await host.ClientAs("Coach Maya").GetAsync(ResolveUrl("Olga Ivanova", "Strength Benchmarks"));
        var absent = await host.ClientAs("Coach Maya").GetAsync(
            $"/orgs/{host.Demo.Organization(TelAviv)}/members/{Guid.NewGuid()}/metric-sets/{host.Demo.Set("Strength Benchmarks")}");

        foreach (var response in new[] { hidden, outsider, absent })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Not found.", problem.GetProperty("title").GetString());
            Assert.EndsWith("/docs/problems.md#not-found", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("The member '", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_request_without_the_demo_header_is_unauthenticated()
    {
        var response = await host.Factory.CreateClient().GetAsync(ResolveUrl("Dana Levi", "Strength Benchmarks"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/docs/problems.md#unauthenticated", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_header_that_is_not_a_user_id_signs_nobody_in()
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Demo-User", "staff");

        var response = await client.GetAsync(ResolveUrl("Dana Levi", "Strength Benchmarks"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_forbids_content_sniffing()
    {
        var client = host.Factory.CreateClient();

        foreach (var path in new[] { "/", "/app.js", "/catalog", ResolveUrl("Dana Levi", "Strength Benchmarks") })
        {
            var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Outside_development_neither_the_demo_directory_nor_openapi_is_mapped()
    {
        await using var production = SampleHostFixture.Start(host.ConnectionString, web => web.UseEnvironment("Production"));
        var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/demo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalog")).StatusCode);
    }

    [Fact]
    public async Task Recording_stores_the_value_and_history_returns_it_converted()
    {
        var client = host.ClientAs("Coach Maya");
        var dana = host.Demo.Person("Dana Levi");
        var org = host.Demo.Organization(TelAviv);

        var created = await client.PostAsJsonAsync($"/orgs/{org}/members/{dana}/metrics", new { slug = "bench_press_1rm", value = new { amount = 115m, unit = "lb" }, source = "coach_input" });
        var reading = await created.Content.ReadFromJsonAsync<JsonElement>();
        var definition = reading.GetProperty("definitionId").GetGuid();
        var history = await client.GetFromJsonAsync<JsonElement>($"/orgs/{org}/members/{dana}/metrics/{definition}/history?units=metric");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var last = history.GetProperty("items").EnumerateArray().Last();
        Assert.Equal(reading.GetProperty("id").GetGuid(), last.GetProperty("id").GetGuid());
        Assert.Equal(52.1631m, last.GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal("lb", last.GetProperty("asRecorded").GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": 100, "unit": "stone" } }""", "value")]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": -5, "unit": "kg" } }""", "value")]
    [InlineData("""{ "slug": "bench_press_1rm", "value": { "amount": 10, "unit": "seconds" } }""", "value")]
    [InlineData("""{ "slug": "Bench Press", "value": { "amount": 10, "unit": "kg" } }""", "slug")]
    public async Task Bad_input_is_a_problem_naming_the_parameter_and_writes_nothing(string body, string parameter)
    {
        var before = await CountAsync("member_metrics");
        var client = host.ClientAs("Coach Maya");

        var response = await client.PostAsync(
            $"/orgs/{host.Demo.Organization(TelAviv)}/members/{host.Demo.Person("Dana Levi")}/metrics",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await CountAsync("member_metrics"));
    }

    [Fact]
    public async Task The_leaderboard_ranks_members_across_units_and_is_staff_only()
    {
        var org = host.Demo.Organization(TelAviv);
        var squat = await SquatIdAsync();

        var board = await host.ClientAs("Coach Maya").GetFromJsonAsync<JsonElement>($"/orgs/{org}/leaderboards/{squat}?units=metric");
        var asMember = await host.ClientAs("Dana Levi").GetAsync($"/orgs/{org}/leaderboards/{squat}");

        var entries = board.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(host.Demo.Person("Yossi Cohen"), entries[0].GetProperty("memberId").GetGuid()); // 265 lb = 120.2 kg
        Assert.Equal(host.Demo.Person("Dana Levi"), entries[1].GetProperty("memberId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, asMember.StatusCode);
    }

    [Fact]
    public async Task The_catalogue_speaks_the_accept_language()
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9,en;q=0.5");

        var catalog = await client.GetFromJsonAsync<JsonElement>("/catalog");

        var deadlift = catalog.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "deadlift_1rm");
        Assert.Equal("1ПМ становая тяга", deadlift.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var document = await host.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/orgs/{orgId}/members/{memberId}/metric-sets/{setId}", paths);
        Assert.Contains("/orgs/{orgId}/metrics/import", paths);
        Assert.Contains("/orgs/{orgId}/leaderboards/{definitionId}", paths);
        Assert.Contains("/catalog", paths);
    }

    private string ResolveUrl(string member, string set) =>
        $"/orgs/{host.Demo.Organization(TelAviv)}/members/{host.Demo.Person(member)}/metric-sets/{host.Demo.Set(set)}";

    private async Task<Guid> SquatIdAsync()
    {
        var catalog = await host.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/catalog");
        return catalog.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "back_squat_1rm").GetProperty("id").GetGuid();
    }

    private Task<long> CountAsync(string table) => DatabaseFixture.Attach(host.ConnectionString).CountAsync(table);
}
