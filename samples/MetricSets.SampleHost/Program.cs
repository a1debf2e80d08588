using MetricSets;
using MetricSets.EntityFrameworkCore;
using MetricSets.SampleHost;
using MetricSets.SampleHost.Access;
using MetricSets.SampleHost.Data;
using MetricSets.SampleHost.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

// The database is configuration, as in any host: ConnectionStrings:MetricSets (ConnectionStrings__MetricSets in the
// environment). samples/run.sh starts a throwaway PostgreSQL and sets it; the tests point it at their own server.
var connectionString = builder.Configuration.GetConnectionString("MetricSets");
if (string.IsNullOrWhiteSpace(connectionString))
{
    throw new InvalidOperationException(
        "ConnectionStrings:MetricSets is not set. Run the sample with `bash samples/run.sh`, which starts a throwaway PostgreSQL and sets it, or set ConnectionStrings__MetricSets to your own server's connection string.");
}

builder.Services.AddDbContextPool<SampleDbContext>(options => SampleDbContext.Configure(options, connectionString));

// Who belongs where: the sample's own memberships table, read inside each of the library's statements, so a request is
// one round trip and the check and the read see the same rows.
builder.Services.AddMetricSets<SampleDbContext>(o => o.Memberships
    .UseEntity<Membership>()
    .HasRoles(staff: [Roles.Staff], members: [Roles.Member])
    .WorkoutsBelongTo("organization_id"));
builder.Services.AddHealthChecks().AddMetricSets<SampleDbContext>();

// Telemetry: the library's spans, metrics and audit log beside ASP.NET Core's and Npgsql's. Telemetry:Exporter picks
// "console" or "otlp" (the endpoint from OTEL_EXPORTER_OTLP_ENDPOINT); without it nothing is exported.
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("MetricSets.SampleHost"))
    .WithTracing(tracing => tracing.AddSource(MetricSetsDiagnostics.ActivitySourceName).AddNpgsql().AddAspNetCoreInstrumentation())
    .WithMetrics(metrics => metrics.AddMeter(MetricSetsDiagnostics.MeterName).AddNpgsqlInstrumentation().AddAspNetCoreInstrumentation())
    .WithLogging();
switch (builder.Configuration["Telemetry:Exporter"])
{
    case "otlp":
        telemetry.UseOtlpExporter();
        break;
    case "console":
        telemetry.WithTracing(tracing => tracing.AddConsoleExporter())
            .WithMetrics(metrics => metrics.AddConsoleExporter())
            .WithLogging(logging => logging.AddConsoleExporter());
        break;
}

// DEMO AUTHENTICATION — a real host registers its own scheme (JWT bearer, cookies) here and nothing else changes.
builder.Services.AddAuthentication(DemoAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(DemoAuthenticationHandler.SchemeName, null);
builder.Services.AddMetricSetsEndpoints();
builder.Services.AddOpenApi();

var app = builder.Build();
app.Use((context, next) =>
{
    // Responses are data or this page's own files: never let a browser guess another type.
    context.Response.Headers.XContentTypeOptions = "nosniff";
    return next(context);
});
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();

// The package's endpoints at the root (/orgs/…, /catalog). They answer 401 themselves to a request without a user; a
// host whose policy needs more (a scope, a tenant claim) chains RequireAuthorization(…) and RequireRateLimiting(…) here.
app.MapMetricSets();
app.MapHealthChecks("/health");
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapDemoDirectory();
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.MigrateAsync();
    var added = await scope.ServiceProvider.GetRequiredService<IMetricCatalog>().EnsureAsync(StandardCatalog.Entries);
    SampleLog.CatalogueReady(app.Logger, added);
}

await DemoData.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
SampleLog.Ready(app.Logger, database.Host, database.Port, database.Database);
await app.RunAsync();

/// <summary>The sample host's entry point; public so in-process tests can host it.</summary>
public partial class Program;
