using MetricSets.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.Testing;

/// <summary>A host that chose <see cref="MemberMetricProvenance.Track"/>; its own type, since EF caches a model per context type.</summary>
public sealed class TrackedProvenanceDbContext(DbContextOptions<TrackedProvenanceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyMetricSets(o => o.Provenance = MemberMetricProvenance.Track);
}

/// <summary>A host that opted out of provenance (<see cref="MemberMetricProvenance.None"/>): exactly the seed's schema.</summary>
public sealed class SeedExactDbContext(DbContextOptions<SeedExactDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyMetricSets(o => o.Provenance = MemberMetricProvenance.None);
}
