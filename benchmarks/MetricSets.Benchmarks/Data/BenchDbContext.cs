using Microsoft.EntityFrameworkCore;

namespace MetricSets.Benchmarks.Data;

/// <summary>A host context as the README tells hosts to write it: the library's model and nothing else.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyMetricSets();

    /// <summary>Returns options for <paramref name="connectionString"/>, wired as the README says.</summary>
    public static DbContextOptions<BenchDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()).Options;
}
