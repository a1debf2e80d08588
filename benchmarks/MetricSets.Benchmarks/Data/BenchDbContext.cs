using Microsoft.EntityFrameworkCore;

namespace MetricSets.Benchmarks.Data;

/// <summary>A host context as the README tells hosts to write it: the library's model, and the host's memberships.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    /// <summary>Gets the host's memberships.</summary>
    public DbSet<BenchMembership> Memberships => Set<BenchMembership>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchMembership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => new { m.UserId, m.OrganizationId });
            membership.Property(m => m.UserId).HasColumnName("user_id");
            membership.Property(m => m.OrganizationId).HasColumnName("organization_id");
            membership.Property(m => m.Role).HasColumnName("role");
            membership.HasIndex(m => new { m.OrganizationId, m.Role }).IncludeProperties(m => m.UserId).HasDatabaseName("memberships_organization_idx");
        });
        modelBuilder.ApplyMetricSets();
    }

    /// <summary>Returns options for <paramref name="connectionString"/>, wired as the README says.</summary>
    public static DbContextOptions<BenchDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()).Options;

    /// <summary>How the benchmarks describe the memberships to the library (<c>MetricSetsOptions.Memberships</c>).</summary>
    public static void MapMemberships(MetricSets.EntityFrameworkCore.MetricSetsOptions options) =>
        options.Memberships.UseEntity<BenchMembership>().HasRoles(staff: ["staff"], members: ["member"]);
}
