using MetricSets.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.Testing;

/// <summary>A host that opted into <see cref="MemberMetricProvenance.Track"/>; its own type, since EF caches a model per context type.</summary>
public sealed class TrackedProvenanceDbContext(DbContextOptions<TrackedProvenanceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyMetricSets(o => o.Provenance = MemberMetricProvenance.Track);
}

/// <summary>A host that opted into <see cref="MemberMetricProvenance.Restrict"/>.</summary>
public sealed class RestrictedProvenanceDbContext(DbContextOptions<RestrictedProvenanceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyMetricSets(o => o.Provenance = MemberMetricProvenance.Restrict);
}
