using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MetricSets.AspNetCore.Tests;

/// <summary>Set management: create, get, rename, add, move, remove, delete, and list by owner.</summary>
public sealed class MetricSetEndpointsTest(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_set_is_created_changed_and_deleted()
    {
        var client = host.ClientAs(host.Maya);
        var (squat, bench, deadlift) = (host.Definition("back_squat_1rm"), host.Definition("bench_press_1rm"), host.Definition("deadlift_1rm"));

        var created = await client.PostAsJsonAsync($"{Org}/metric-sets", new { name = "  Big Three  ", definitionIds = new[] { squat, bench } });
        var set = await created.Content.ReadFromJsonAsync<JsonElement>();
        var url = $"{Org}/metric-sets/{set.GetProperty("id").GetString()}";
        var renamed = await client.PatchAsJsonAsync(url, new { name = "Powerlifting" });
        var added = await client.PostAsJsonAsync($"{url}/definitions", new { definitionId = deadlift });
        var moved = await client.PutAsJsonAsync($"{url}/definitions/{deadlift}/position", new { index = 0 });
        var removed = await client.DeleteAsync($"{url}/definitions/{bench}");
        var read = await client.GetFromJsonAsync<JsonElement>(url);
        var deleted = await client.DeleteAsync(url);
        var gone = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(url, created.Headers.Location!.OriginalString);
        Assert.Equal("Big Three", set.GetProperty("name").GetString());
        Assert.Equal("""{"kind":"organization","id":"ID"}""".Replace("ID", host.TelAviv.ToString(), StringComparison.Ordinal), set.GetProperty("owner").GetRawText());
        Assert.Equal("Powerlifting", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(Ids(squat, bench, deadlift), Ids(await added.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(Ids(deadlift, squat, bench), Ids(await moved.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(Ids(deadlift, squat), Ids(await removed.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(Ids(deadlift, squat), Ids(read));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsAsync(gone, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Adding_a_definition_twice_is_409_and_a_position_outside_the_set_400()
    {
        var client = host.ClientAs(host.Maya);
        var squat = host.Definition("back_squat_1rm");
        var set = await (await client.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Squat only", definitionIds = new[] { squat } })).Content.ReadFromJsonAsync<JsonElement>();
        var url = $"{Org}/metric-sets/{set.GetProperty("id").GetString()}";

        var twice = await client.PostAsJsonAsync($"{url}/definitions", new { definitionId = squat });
        var outside = await client.PutAsJsonAsync($"{url}/definitions/{squat}/position", new { index = 3 });
        var blank = await client.PatchAsJsonAsync(url, new { name = " " });
        var duplicate = await client.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Twice", definitionIds = new[] { squat, squat } });

        await ProblemAssert.IsAsync(twice, HttpStatusCode.Conflict, "definition-already-in-set");
        await ProblemAssert.IsAsync(outside, HttpStatusCode.BadRequest, "invalid-value", "newIndex");
        await ProblemAssert.IsAsync(blank, HttpStatusCode.BadRequest, "invalid-value", "name");
        await ProblemAssert.IsAsync(duplicate, HttpStatusCode.Conflict, "definition-already-in-set");
    }

    [Fact]
    public async Task Sets_are_listed_by_owner_and_another_gym_sees_none_of_them()
    {
        var maya = host.ClientAs(host.Maya);
        await maya.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Workout set", owner = new { kind = "workout", id = host.MondayStrength.Value } });
        await maya.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Dana's goals", owner = new { kind = "member", id = host.Dana.Value } });

        var workout = await maya.GetFromJsonAsync<JsonElement>($"{Org}/workouts/{host.MondayStrength}/metric-sets");
        var member = await host.ClientAs(host.Dana).GetFromJsonAsync<JsonElement>($"{Org}/members/{host.Dana}/metric-sets");
        var organization = await maya.GetFromJsonAsync<JsonElement>($"{Org}/metric-sets");
        var fromHaifa = await host.ClientAs(host.Avi).GetFromJsonAsync<JsonElement>($"{ApiHost.Prefix}/orgs/{host.Haifa}/workouts/{host.MondayStrength}/metric-sets");

        Assert.Contains(workout.EnumerateArray(), s => s.GetProperty("name").GetString() == "Workout set");
        Assert.Contains(member.EnumerateArray(), s => s.GetProperty("name").GetString() == "Dana's goals");
        Assert.DoesNotContain(organization.EnumerateArray(), s => s.GetProperty("owner").GetProperty("kind").GetString() != "organization");
        Assert.Equal(0, fromHaifa.GetArrayLength());
    }

    [Fact]
    public async Task An_organization_owner_is_the_routes_unless_it_names_another_gym_which_looks_like_missing()
    {
        var maya = host.ClientAs(host.Maya);

        var kindOnly = await maya.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Kind only", owner = new { kind = "organization" } });
        var ownGym = await maya.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Own gym", owner = new { kind = "organization", id = host.TelAviv.Value } });
        var otherGym = await maya.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Other gym", owner = new { kind = "organization", id = host.Haifa.Value } });
        var otherGymWithoutKind = await maya.PostAsJsonAsync($"{Org}/metric-sets", new { name = "Other gym", owner = new { id = host.Haifa.Value } });

        foreach (var created in new[] { kindOnly, ownGym })
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(host.TelAviv.ToString(), (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("owner").GetProperty("id").GetString());
        }

        await ProblemAssert.IsAsync(otherGym, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(otherGymWithoutKind, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Members_cannot_manage_the_organizations_sets_and_it_looks_like_missing()
    {
        var response = await host.ClientAs(host.Dana).PostAsJsonAsync($"{Org}/metric-sets", new { name = "Mine now" });
        var badOwner = await host.ClientAs(host.Maya).PostAsJsonAsync($"{Org}/metric-sets", new { name = "x", owner = new { kind = "team" } });
        var noName = await host.ClientAs(host.Maya).PostAsJsonAsync($"{Org}/metric-sets", new { });

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(badOwner, HttpStatusCode.BadRequest, "invalid-value", "owner.kind");
        await ProblemAssert.IsAsync(noName, HttpStatusCode.BadRequest, "invalid-value", "name");
    }

    private string Org => $"{ApiHost.Prefix}/orgs/{host.TelAviv}";

    private static List<string> Ids(params MetricDefinitionId[] ids) => [.. ids.Select(id => id.ToString())];

    private static List<string> Ids(JsonElement set) => [.. set.GetProperty("definitionIds").EnumerateArray().Select(id => id.GetString()!)];
}
