using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.AspNetCore.Tests;

/// <summary>
/// The endpoints add no round trip of their own to the library's: once a definition has been seen, reading values in
/// a unit preference and recording by definition id each send the one statement the library sends.
/// </summary>
public sealed class RoundTripTest(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Reads_in_a_unit_preference_and_a_recording_by_id_are_one_statement_each()
    {
        var counter = new StatementCounter();
        await using var app = await ApiHost.StartAsync(
            host.ConnectionString, host.Directory, services => services.ConfigureDbContext<TestDbContext>(o => o.AddInterceptors(counter)));
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(TestAuthenticationHandler.Header(host.Maya));
        var squat = host.Definition("back_squat_1rm");
        var member = $"{ApiHost.Prefix}/orgs/{host.TelAviv}/members/{host.Dana}/metrics";
        string[] reads =
        [
            $"{member}/latest?definitionId={squat}&units=imperial",
            $"{member}/bests?definitionId={squat}&units=imperial",
            $"{member}/last?definitionId={squat}&count=2&units=imperial",
            $"{member}/{squat}/history?units=imperial",
        ];
        var record = new { definitionId = squat, value = new { amount = 100, unit = "kg" }, source = "coach_input" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(member, record)).StatusCode);   // the definition is seen
        foreach (var url in reads)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }

        foreach (var url in reads)
        {
            counter.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.True(counter.Count == 1, $"{url}: {counter.Count} statements");
        }

        counter.Reset();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(member, record)).StatusCode);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task A_definition_added_after_the_units_were_remembered_is_converted_too()
    {
        await using var app = await ApiHost.StartAsync(host.ConnectionString, host.Directory);
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(TestAuthenticationHandler.Header(host.Maya));
        var squat = host.Definition("back_squat_1rm");
        var member = $"{ApiHost.Prefix}/orgs/{host.TelAviv}/members/{host.Dana}/metrics";
        await host.RecordAsync(host.TelAviv, host.Maya, host.Dana, "back_squat_1rm", MetricValue.Of(100, MetricUnit.Kilogram));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{member}/latest?definitionId={squat}&units=imperial")).StatusCode);

        MetricDefinitionId added;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var slug = MetricSlug.Parse($"zercher_squat_1rm_{Guid.NewGuid():N}"[..40]);
            added = (await scope.ServiceProvider.GetRequiredService<IMetricCatalog>().CreateAsync(
                new CatalogEntry(slug, LocalizedName.Of("en", "1RM Zercher Squat"), MetricUnit.Kilogram, MetricKind.OneRepMax))).Id;
        }

        await client.PostAsJsonAsync(member, new { definitionId = added, value = new { amount = 90, unit = "kg" }, source = "coach_input" });
        var both = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"{member}/latest?definitionId={squat}&definitionId={added}&units=imperial");

        Assert.Equal("lb", both.GetProperty(squat.ToString()).GetProperty("value").GetProperty("unit").GetString());
        Assert.Equal("lb", both.GetProperty(added.ToString()).GetProperty("value").GetProperty("unit").GetString());
    }
}
