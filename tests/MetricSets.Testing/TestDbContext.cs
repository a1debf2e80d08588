using Microsoft.EntityFrameworkCore;

namespace MetricSets.Testing;

/// <summary>
/// A host context as the README tells hosts to write it: the library's model plus nothing else, with the defaults
/// (restricted provenance).
/// </summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyMetricSets();
}
