using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.IntegrationTests.Configuration;

/// <summary>A host whose model has a default schema: the library's tables move there, and its hand-written reads follow.</summary>
public sealed class DefaultSchemaTest
{
    [Fact]
    public async Task Reads_and_writes_work_when_the_host_model_has_a_default_schema()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_default_schema");
        await TestServer.ExecuteAsync(connectionString, "CREATE SCHEMA gym; " + TestServer.HostTablesSql.Replace("CREATE TABLE ", "CREATE TABLE gym.", StringComparison.Ordinal));
        await using (var context = new SchemaContext(new DbContextOptionsBuilder<SchemaContext>().UseNpgsql(connectionString, n => n.UseMetricSets("gym")).Options))
        {
            await TestServer.ExecuteAsync(connectionString, context.Database.GenerateCreateScript());
        }

        var services = new ServiceCollection()
            .AddSingleton<IMembershipDirectory, TestMembershipDirectory>()
            .AddDbContext<SchemaContext>(o => o.UseNpgsql(connectionString, n => n.UseMetricSets("gym")))
            .AddMetricSets<SchemaContext>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var member = UserId.New();
        await TestServer.ExecuteAsync(connectionString, $"INSERT INTO gym.users (id) VALUES ('{member}')");
        var catalog = scope.ServiceProvider.GetRequiredService<IMetricCatalog>();
        var recorder = scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>();
        var reader = scope.ServiceProvider.GetRequiredService<IMemberMetricReader>();

        var squat = await catalog.CreateAsync(new CatalogEntry(MetricSlug.Parse("back_squat_1rm"), LocalizedName.Of("en", "Squat"), MetricUnit.Kilogram, MetricKind.OneRepMax));
        await recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(225, MetricUnit.Pound)));
        var latest = await reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id);

        Assert.Equal(MetricValue.Of(225, MetricUnit.Pound), latest?.Value);
        Assert.Equal(1L, await DatabaseFixture.Attach(connectionString).CountAsync("gym.member_metrics"));
    }

    [Fact]
    public void Start_up_says_which_schema_to_give_UseMetricSets_when_they_disagree()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IMembershipDirectory, TestMembershipDirectory>()
            .AddDbContext<SchemaContext>(o => o.UseNpgsql("Host=unused", n => n.UseMetricSets()))
            .AddMetricSets<SchemaContext>()
            .BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("call UseMetricSets(\"gym\")", error.Message, StringComparison.Ordinal);
    }

    public sealed class SchemaContext(DbContextOptions<SchemaContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("gym");
            modelBuilder.ApplyMetricSets(o =>
            {
                o.Users.ToTable("users", schema: "gym");
                o.Workouts.ToTable("workouts", schema: "gym");
                o.Organizations.ToTable("organizations", schema: "gym");
            });
        }
    }
}
