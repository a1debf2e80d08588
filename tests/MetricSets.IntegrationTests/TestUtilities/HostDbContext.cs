using Microsoft.EntityFrameworkCore;

namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>
/// A host context with an entity of its own (<see cref="HostNote"/>, table <c>host_notes</c>), to show what the library
/// does and does not do to a host's pending changes.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    /// <summary>Creates the host's own table in a test database.</summary>
    public const string CreateTableSql = "CREATE TABLE IF NOT EXISTS host_notes (id uuid PRIMARY KEY, text varchar(20) NOT NULL)";

    public DbSet<HostNote> Notes => Set<HostNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HostNote>(note =>
        {
            note.ToTable("host_notes", table => table.ExcludeFromMigrations());
            note.Property(n => n.Id).HasColumnName("id");
            note.Property(n => n.Text).HasColumnName("text").HasMaxLength(20);
        });
        modelBuilder.ApplyMetricSets();
    }
}

/// <summary>A row of the host's own table.</summary>
public sealed class HostNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Text { get; set; }
}
