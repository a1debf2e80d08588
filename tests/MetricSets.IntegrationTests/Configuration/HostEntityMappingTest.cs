using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MetricSets.IntegrationTests.Configuration;

/// <summary>
/// A host whose own context maps its users, workouts and organizations tables (the usual case) points the foreign keys
/// at its entities, and a host with other table names names them; the constraints follow.
/// </summary>
public sealed class HostEntityMappingTest
{
    [Fact]
    public async Task Foreign_keys_point_at_the_hosts_own_entities_and_its_migration_creates_both()
    {
        var connectionString = await TestServer.CreateEmptyDatabaseAsync("metricsets_host_entities");
        await TestServer.ExecuteAsync(connectionString, "CREATE TABLE gyms (id uuid PRIMARY KEY)");
        await using (var context = new GymContext(connectionString))
        {
            // What a migration does: creates the host's mapped tables and ours, but not the excluded gyms table.
            await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        }

        var constraints = await CatalogSnapshot.ConstraintsAsync(connectionString);
        Assert.Contains("metric_sets_member_user_id_fkey: FOREIGN KEY (member_user_id) REFERENCES app_users(user_id) ON DELETE CASCADE", constraints);
        Assert.Contains("member_metrics_member_id_fkey: FOREIGN KEY (member_id) REFERENCES app_users(user_id) ON DELETE CASCADE", constraints);
        Assert.Contains("metric_sets_workout_id_fkey: FOREIGN KEY (workout_id) REFERENCES workouts(id) ON DELETE CASCADE", constraints);
        Assert.Contains("metric_sets_organization_id_fkey: FOREIGN KEY (organization_id) REFERENCES gyms(id) ON DELETE CASCADE", constraints);
        Assert.Contains("member_metrics_organization_id_fkey: FOREIGN KEY (organization_id) REFERENCES gyms(id) ON DELETE SET NULL", constraints);
        Assert.Equal(SeedSchema.WithDefaults.Columns, await CatalogSnapshot.ColumnsAsync(connectionString));
        Assert.Equal(SeedSchema.WithDefaults.Indexes, await CatalogSnapshot.IndexesAsync(connectionString));
    }

    public sealed class AppUser
    {
        public Guid Id { get; set; }

        public string Email { get; set; } = string.Empty;
    }

    public sealed class Workout
    {
        public Guid Id { get; set; }
    }

    private sealed class GymContext(string connectionString) : DbContext
    {
        public DbSet<AppUser> Users => Set<AppUser>();

        public DbSet<Workout> Workouts => Set<Workout>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets());

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<AppUser>(user =>
            {
                user.ToTable("app_users");
                user.Property(u => u.Id).HasColumnName("user_id");
                user.Property(u => u.Email).HasColumnName("email");
            });
            modelBuilder.Entity<Workout>(workout =>
            {
                workout.ToTable("workouts");
                workout.Property(w => w.Id).HasColumnName("id");
            });

            // The organizations table lives outside this context, under another name.
            modelBuilder.ApplyMetricSets(o =>
            {
                o.Users.UseEntity<AppUser>();
                o.Workouts.UseEntity<Workout>();
                o.Organizations.ToTable("gyms");
            });
        }
    }
}
