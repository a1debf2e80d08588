using MetricSets;
using MetricSets.EntityFrameworkCore.Services;
using MetricSets.SampleHost;
using MetricSets.SampleHost.Access;
using MetricSets.SampleHost.Data;
using MetricSets.SampleHost.Demo;
using MetricSets.SampleHost.Endpoints;
using MetricSets.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// With no ConnectionStrings:MetricSets, start a throwaway PostgreSQL from the machine's binaries; it stops with the app.
var connectionString = builder.Configuration.GetConnectionString("MetricSets");
await using var embedded = string.IsNullOrWhiteSpace(connectionString) ? await EmbeddedPostgres.StartAsync() : null;
connectionString = embedded?.ConnectionString ?? connectionString!;

builder.Services.AddDbContextPool<SampleDbContext>(options => SampleDbContext.Configure(options, connectionString));
builder.Services.AddMetricSets<SampleDbContext>();
builder.Services.AddScoped<IMembershipDirectory, DatabaseMembershipDirectory>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<MetricSetsProblemDetails>();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapMetricEndpoints();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.MigrateAsync();
    var added = await scope.ServiceProvider.GetRequiredService<IMetricCatalog>().EnsureAsync(StandardCatalog.Entries);
    SampleLog.CatalogueReady(app.Logger, added);
}

await DemoData.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
SampleLog.Ready(app.Logger, embedded is null ? "the configured database" : $"a throwaway PostgreSQL on port {embedded.Port}");
await app.RunAsync();

/// <summary>The sample host's entry point; public so in-process tests can host it.</summary>
public partial class Program;
