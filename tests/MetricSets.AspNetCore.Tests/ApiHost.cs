using System.Net.Http.Headers;
using MetricSets.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetricSets.AspNetCore.Tests;

/// <summary>
/// A host wired as docs/aspnetcore.md says, in-process (TestServer) over a fresh database on the run's PostgreSQL: the
/// EF services, an in-memory membership directory, a test authentication scheme, and the endpoints under <c>/api</c>.
/// Two gyms: coach Maya is staff of Tel Aviv, where Dana is a member; coach Avi is staff of Haifa, where Olga is a member.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string Prefix = "/api";

    public WebApplication App { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public TestMembershipDirectory Directory { get; } = new();

    public OrganizationId TelAviv { get; private set; }

    public OrganizationId Haifa { get; private set; }

    public UserId Maya { get; private set; }

    public UserId Avi { get; private set; }

    public UserId Dana { get; private set; }

    public UserId Olga { get; private set; }

    public WorkoutId MondayStrength { get; private set; }

    public IReadOnlyDictionary<string, MetricDefinition> Definitions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await MetricSets.Testing.TestServer.CreateDatabaseAsync("metricsets_aspnetcore");
        var database = DatabaseFixture.Attach(ConnectionString);
        (TelAviv, Haifa) = (await database.AddOrganizationAsync(), await database.AddOrganizationAsync());
        (Maya, Avi, Dana, Olga) = (await database.AddUserAsync(), await database.AddUserAsync(), await database.AddUserAsync(), await database.AddUserAsync());
        MondayStrength = await database.AddWorkoutAsync();
        Directory.AddStaff(Maya, TelAviv).AddStaff(Avi, Haifa).AddMember(Dana, TelAviv).AddMember(Olga, Haifa).AddWorkout(MondayStrength, TelAviv);

        App = await StartAsync(ConnectionString, Directory);
        await using var scope = App.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IMetricCatalog>();
        await catalog.EnsureAsync(StandardCatalog.Entries);
        Definitions = (await catalog.ListAsync()).ToDictionary(definition => definition.Slug.Value);
    }

    /// <summary>Starts a host; <paramref name="configure"/> changes its services before the endpoints' defaults.</summary>
    public static async Task<WebApplication> StartAsync(
        string connectionString,
        IMembershipDirectory directory,
        Action<IServiceCollection>? configure = null,
        Action<MetricSetsEndpointOptions>? options = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<TestDbContext>(context => context.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        builder.Services.AddMetricSets<TestDbContext>();
        builder.Services.AddSingleton(directory);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        configure?.Invoke(builder.Services);
        builder.Services.AddMetricSetsEndpoints(options);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMetricSets(Prefix);
        await app.StartAsync();
        return app;
    }

    public DatabaseFixture Database => DatabaseFixture.Attach(ConnectionString);

    public MetricDefinitionId Definition(string slug) => Definitions[slug].Id;

    public HttpClient Anonymous() => App.GetTestClient();

    public HttpClient ClientAs(UserId user, string? language = null)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(TestAuthenticationHandler.Header(user));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Records a value directly through the library, as staff of <paramref name="organization"/>.</summary>
    public Task<MetricReading> RecordAsync(OrganizationId organization, UserId staff, UserId member, string slug, MetricValue value, NodaTime.Instant? at = null) =>
        RecordAsync(
            MetricViewer.ForStaff(staff, organization),
            new RecordMetricRequest(member, Definition(slug), value) { RecordedAt = at, Source = MetricSource.CoachInput });

    /// <summary>Records a value directly through the library.</summary>
    public async Task<MetricReading> RecordAsync(MetricViewer actor, RecordMetricRequest request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>().RecordAsync(actor, request);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
