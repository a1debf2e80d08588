using MetricSets;
using MetricSets.SampleHost;
using MetricSets.SampleHost.Access;
using MetricSets.SampleHost.Data;
using MetricSets.SampleHost.Demo;
using MetricSets.SampleHost.Endpoints;
using Microsoft.EntityFrameworkCore;

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
var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
SampleLog.Ready(app.Logger, database.Host, database.Port, database.Database);
await app.RunAsync();

/// <summary>The sample host's entry point; public so in-process tests can host it.</summary>
public partial class Program;
