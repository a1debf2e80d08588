// The smoke flow of a host built from the packages alone: create the schema, seed the catalogue, record and resolve
// through the services, then call the mapped endpoints over HTTP as a signed-in coach. Exit code 0: every step passed.
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MetricSets;
using MetricSets.Consumer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Consumer")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Consumer to an empty PostgreSQL database.");

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDbContextPool<GymContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
builder.Services.AddMetricSets<GymContext>();
builder.Services.AddSingleton<IMembershipDirectory, GymDirectory>();
builder.Services.AddAuthentication(HeaderAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
builder.Services.AddMetricSetsEndpoints();

await using var app = builder.Build();
app.UseAuthentication();
app.MapMetricSets("/api");

var directory = (GymDirectory)app.Services.GetRequiredService<IMembershipDirectory>();
var (gym, coach, member) = (OrganizationId.New(), UserId.New(), UserId.New());
directory.Staff.Add((coach, gym));
directory.Members.Add((member, gym));

MetricSetId setId;
MetricDefinitionId squat;
await using (var scope = app.Services.CreateAsyncScope())
{
    var context = scope.ServiceProvider.GetRequiredService<GymContext>();
    await context.Database.EnsureCreatedAsync();
    context.Organizations.Add(new Organization { Id = gym.Value });
    context.Users.AddRange(new User { Id = coach.Value }, new User { Id = member.Value });
    await context.SaveChangesAsync();

    var catalog = scope.ServiceProvider.GetRequiredService<IMetricCatalog>();
    Check.That(await catalog.EnsureAsync(StandardCatalog.Entries) == StandardCatalog.Entries.Count, "the standard catalogue is seeded");
    squat = (await catalog.FindBySlugAsync(MetricSlug.Parse("back_squat_1rm")))!.Id;

    var staff = MetricViewer.ForStaff(coach, gym);
    var set = await scope.ServiceProvider.GetRequiredService<IMetricSetService>()
        .CreateAsync(staff, MetricOwner.ForOrganization(gym), "Strength", [squat]);
    setId = set.Id;
    await scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>()
        .RecordAsync(staff, new RecordMetricRequest(member, squat, MetricValue.Of(225, MetricUnit.Pound)) { Source = MetricSource.CoachInput });

    var resolved = await scope.ServiceProvider.GetRequiredService<IMetricSetResolver>()
        .ResolveAsync(staff, new MetricSetResolutionQuery(setId, member) { Units = UnitPreference.Metric });
    Check.That(resolved.Metrics[0].LatestValue?.ToString() == "102.0583 kg", $"the service resolves 225 lb as 102.0583 kg (got {resolved.Metrics[0].LatestValue})");
}

await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

var anonymous = await http.GetAsync($"/api/orgs/{gym}/members/{member}/metric-sets/{setId}");
Check.That((int)anonymous.StatusCode == 401 && anonymous.Content.Headers.ContentType?.MediaType == "application/problem+json", $"an anonymous request is a 401 problem (got {(int)anonymous.StatusCode})");

http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(HeaderAuthentication.SchemeName, coach.ToString());
http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");
var body = await http.GetFromJsonAsync<JsonElement>($"/api/orgs/{gym}/members/{member}/metric-sets/{setId}?units=imperial");
var metric = body.GetProperty("metrics")[0];
Check.That(metric.GetProperty("name").GetString() == "1RM סקוואט אחורי", $"the endpoint speaks Hebrew (got {metric.GetProperty("name")})");
Check.That(metric.GetProperty("latest").GetProperty("value").GetRawText() == """{"amount":225,"unit":"lb","symbol":"lb"}""", $"the endpoint answers 225 lb (got {metric.GetProperty("latest")})");

var catalogue = await http.GetAsync("/api/catalog");
Check.That(catalogue.Headers.ETag is { IsWeak: false }, "the catalogue has a strong ETag");

await app.StopAsync();
Console.WriteLine("consumer smoke flow: every step passed");
return 0;
