using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.Configuration;
using MetricSets.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// <c>AddHealthChecks().AddMetricSets&lt;TContext&gt;()</c>: Healthy when the database holds the library's tables, columns,
/// enum labels and (with provenance) the flat reads' triggers as the model maps them; Unhealthy, naming what is missing, when a migration was not applied or the
/// server is down; Degraded when the database knows enum labels the model does not.
/// </summary>
public sealed class HealthCheckTest
{
    [Fact]
    public async Task A_migrated_database_is_healthy_in_one_statement()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_health");
        using var trace = new TraceCapture();

        var entry = await CheckAsync<TestDbContext>(connectionString);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("The MetricSets tables and enums of TestDbContext match its model.", entry.Description);
        var statement = Assert.Single(trace.SqlSpans, span => !span.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal));
        Assert.Contains("pg_catalog", (string)(statement.GetTagItem("db.query.text") ?? statement.GetTagItem("db.statement"))!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_provenance_is_healthy_for_a_model_without_it()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_health_seed", MemberMetricProvenance.None);

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync<SeedExactDbContext>(connectionString)).Status);
    }

    [Fact]
    public async Task A_forgotten_provenance_migration_is_unhealthy_and_named()
    {
        // The schema of a model without provenance, checked by a model with it: the RecordedInProvenance and FlatReads
        // migrations were not applied.
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_health_behind", MemberMetricProvenance.None);

        var entry = await CheckAsync<TestDbContext>(connectionString);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        string[] missing =
        [
            "column metric_definitions.plausible_units", "column metric_definitions.plausible_maximum", "column member_metrics.organization_id",
            "column member_metrics.base_amount", "column member_metrics.plausible", "table member_metrics_latest",
            .. FlatReadsTriggers,
        ];
        Assert.Equal(
            $"The database of TestDbContext lacks what its model maps for MetricSets: {string.Join(", ", missing)}. "
            + "Apply the pending migration (dotnet ef database update, or Database.MigrateAsync()).",
            entry.Description);
        Assert.Equal(missing, (IEnumerable<string>)entry.Data["missing"]);
    }

    [Fact]
    public async Task A_missing_table_is_named()
    {
        var entry = await CheckAfterAsync("DROP TABLE metric_set_definitions");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(["table metric_set_definitions"], (IEnumerable<string>)entry.Data["missing"]);
    }

    [Fact]
    public async Task A_missing_enum_label_is_named()
    {
        var entry = await CheckAfterAsync("ALTER TYPE metric_unit RENAME VALUE 'kg' TO 'kilogram'");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("label 'kg' of enum metric_unit", entry.Description, StringComparison.Ordinal);
        Assert.Equal(["label 'kg' of enum metric_unit"], (IEnumerable<string>)entry.Data["missing"]);
        Assert.Equal(["label 'kilogram' of enum metric_unit"], (IEnumerable<string>)entry.Data["unexpected"]);
    }

    [Fact]
    public async Task An_empty_database_names_every_table_and_enum_type()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_health_empty");

        var entry = await CheckAsync<TestDbContext>(connectionString);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(
            [
                "table metric_definitions", "table metric_sets", "table metric_set_definitions", "table member_metrics", "table member_metrics_latest",
                "enum type metric_unit", "enum type metric_kind", .. FlatReadsTriggers,
            ],
            (IEnumerable<string>)entry.Data["missing"]);
    }

    [Fact]
    public async Task A_dropped_or_disabled_flat_reads_trigger_is_named()
    {
        // Without them the latest rows go stale, and large organizations' leaderboards with them.
        var entry = await CheckAfterAsync("""
            ALTER TABLE member_metrics DISABLE TRIGGER member_metrics_latest_insert;
            DROP TRIGGER member_metrics_latest_delete ON member_metrics;
            """);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(
            ["trigger member_metrics_latest_insert on member_metrics", "trigger member_metrics_latest_delete on member_metrics"],
            (IEnumerable<string>)entry.Data["missing"]);
    }

    private static readonly string[] FlatReadsTriggers =
    [
        "trigger member_metrics_latest_insert on member_metrics", "trigger member_metrics_latest_update on member_metrics",
        "trigger member_metrics_latest_delete on member_metrics", "trigger member_metrics_latest_truncate on member_metrics",
        "trigger metric_definitions_plausibility on metric_definitions",
    ];

    [Fact]
    public async Task An_enum_label_the_model_does_not_know_is_degraded()
    {
        var entry = await CheckAfterAsync("ALTER TYPE metric_unit ADD VALUE 'stone'");

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("label 'stone' of enum metric_unit", entry.Description, StringComparison.Ordinal);
        Assert.Empty((IEnumerable<string>)entry.Data["missing"]);
    }

    [Fact]
    public async Task The_failure_status_is_the_host_choice()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_health_status");

        var entry = await CheckAsync<TestDbContext>(connectionString, failureStatus: HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
    }

    [Fact]
    public async Task A_model_without_the_library_tables_is_unhealthy_and_says_why()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_health_model");

        var entry = await CheckAsync<AddMetricSetsTest.ContextWithoutModel>(connectionString);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("ContextWithoutModel's model cannot be checked: ", entry.Description, StringComparison.Ordinal);
        Assert.Contains("ApplyMetricSets()", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tables_are_looked_for_in_the_model_default_schema()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_health_schema");
        await TestServer.ExecuteAsync(connectionString, "CREATE SCHEMA gym; " + TestServer.HostTablesSql.Replace("CREATE TABLE ", "CREATE TABLE gym.", StringComparison.Ordinal));
        await using (var context = new DefaultSchemaTest.SchemaContext(
            new DbContextOptionsBuilder<DefaultSchemaTest.SchemaContext>().UseNpgsql(connectionString, n => n.UseMetricSets("gym")).Options))
        {
            await TestServer.ExecuteAsync(connectionString, context.Database.GenerateCreateScript());
        }

        var gym = await CheckAsync<DefaultSchemaTest.SchemaContext>(connectionString, npgsqlSchema: "gym");
        var publicSchema = await CheckAsync<TestDbContext>(connectionString);

        Assert.Equal(HealthStatus.Healthy, gym.Status);
        Assert.Equal(HealthStatus.Unhealthy, publicSchema.Status);
        Assert.Contains("table metric_definitions", (IEnumerable<string>)publicSchema.Data["missing"]);
    }

    [Fact]
    public async Task A_server_that_is_down_is_unhealthy()
    {
        var server = await EmbeddedPostgres.StartAsync();
        var connectionString = server.ConnectionString;
        try
        {
            await TestServer.ExecuteAsync(connectionString, TestServer.HostTablesSql + TestServer.GenerateSchemaScript());
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync<TestDbContext>(connectionString)).Status);
        }
        finally
        {
            await server.DisposeAsync();
        }

        var entry = await CheckAsync<TestDbContext>(connectionString);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("The database of TestDbContext did not answer: ", entry.Description, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Npgsql.NpgsqlException>(entry.Exception);
    }

    // Checks a freshly migrated database after the statement changed its schema.
    private static async Task<HealthReportEntry> CheckAfterAsync(string sql)
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_health_changed");
        await TestServer.ExecuteAsync(connectionString, sql);
        return await CheckAsync<TestDbContext>(connectionString);
    }

    private static async Task<HealthReportEntry> CheckAsync<TContext>(string connectionString, HealthStatus? failureStatus = null, string? npgsqlSchema = null)
        where TContext : DbContext
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<TContext>(o => o.UseNpgsql(connectionString, n => n.UseMetricSets(npgsqlSchema)));
        services.AddHealthChecks().AddMetricSets<TContext>(failureStatus: failureStatus);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        return Assert.Single(report.Entries, entry => entry.Key == "metricsets").Value;
    }
}
