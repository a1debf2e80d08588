using Microsoft.EntityFrameworkCore;

namespace MetricSets.SampleHost.Data;

/// <summary>The host's context: its own tables plus the MetricSets model, wired with the two documented calls.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Workout> Workouts => Set<Workout>();

    public DbSet<Membership> Memberships => Set<Membership>();

    /// <summary>Configures the Npgsql provider the way every host does: enums and NodaTime through <c>UseMetricSets()</c>.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets());

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Id).HasColumnName("id");
            user.Property(u => u.DisplayName).HasColumnName("display_name").HasMaxLength(100);
        });
        modelBuilder.Entity<Organization>(organization =>
        {
            organization.ToTable("organizations");
            organization.Property(o => o.Id).HasColumnName("id");
            organization.Property(o => o.Name).HasColumnName("name").HasMaxLength(100);
        });
        modelBuilder.Entity<Workout>(workout =>
        {
            workout.ToTable("workouts");
            workout.Property(w => w.Id).HasColumnName("id");
            workout.Property(w => w.OrganizationId).HasColumnName("organization_id");
            workout.Property(w => w.Name).HasColumnName("name").HasMaxLength(100);
            workout.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => new { m.UserId, m.OrganizationId });
            membership.Property(m => m.UserId).HasColumnName("user_id");
            membership.Property(m => m.OrganizationId).HasColumnName("organization_id");
            membership.Property(m => m.Role).HasColumnName("role").HasMaxLength(20);
            membership.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            membership.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);

            // The primary key (user, organization) answers the library's checks; this lists a gym's members for its leaderboards.
            membership.HasIndex(m => new { m.OrganizationId, m.Role }).HasDatabaseName("memberships_organization_role_idx");
        });

        // The host maps its own users, workouts and organizations, so MetricSets' foreign keys point at those entities.
        modelBuilder.ApplyMetricSets(o =>
        {
            o.Users.UseEntity<User>();
            o.Workouts.UseEntity<Workout>();
            o.Organizations.UseEntity<Organization>();
        });
    }
}
