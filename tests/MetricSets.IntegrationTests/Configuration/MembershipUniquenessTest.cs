using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MetricSets.IntegrationTests.Configuration;

/// <summary>
/// An organization's members are listed with <c>DISTINCT</c> unless the host's model promises one member row per user
/// and organization: then the list reads the organization's index entries, not the whole key in user order. A promise
/// the database does not keep everywhere (a filtered index, a key with a role when two roles make a member) is not one.
/// </summary>
public sealed class MembershipUniquenessTest
{
    [Theory]
    [InlineData("key on user and organization", false)]
    [InlineData("unique index on organization and user", false)]
    [InlineData("key with the role, one member role", false)]
    [InlineData("key with the role, two member roles", true)]
    [InlineData("filtered unique index", true)]
    [InlineData("surrogate key only", true)]
    public void Members_are_deduplicated_only_when_the_model_allows_duplicates(string model, bool distinct)
    {
        using var context = new MembershipsContext(model);
        var mapping = new MetricSetsOptions().Memberships.UseEntity<Membership>()
            .HasRoles(staff: ["coach"], members: model.EndsWith("two member roles", StringComparison.Ordinal) ? ["member", "athlete"] : ["member"]);

        var members = MembershipSql.Of(context.Model, mapping).ActiveMembers("@p1");

        Assert.Equal(distinct, members.Contains("DISTINCT", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_the_model_does_not_map_is_deduplicated()
    {
        using var context = new MembershipsContext("key on user and organization");
        var mapping = new MetricSetsOptions().Memberships.ToTable("memberships");

        Assert.Contains("DISTINCT", MembershipSql.Of(context.Model, mapping).ActiveMembers("@p1"), StringComparison.Ordinal);
    }

    public sealed class Membership
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        public Guid OrganizationId { get; set; }

        public string Role { get; set; } = string.Empty;

        public DateTime? EndedAt { get; set; }
    }

    private sealed class MembershipsContext(string model) : DbContext(
        new DbContextOptionsBuilder<MembershipsContext>()
            .UseNpgsql("Host=unused", npgsql => npgsql.UseMetricSets())
            .ReplaceService<IModelCacheKeyFactory, PerModelCacheKey>()
            .Options)
    {
        public string Shape => model;

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyMetricSets();
            var membership = modelBuilder.Entity<Membership>();
            membership.ToTable("memberships");
            membership.Property(m => m.UserId).HasColumnName("user_id");
            membership.Property(m => m.OrganizationId).HasColumnName("organization_id");
            membership.Property(m => m.Role).HasColumnName("role");
            membership.Property(m => m.EndedAt).HasColumnName("ended_at");
            switch (model)
            {
                case "key on user and organization":
                    membership.HasKey(m => new { m.UserId, m.OrganizationId });
                    break;
                case "unique index on organization and user":
                    membership.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
                    break;
                case "key with the role, one member role" or "key with the role, two member roles":
                    membership.HasKey(m => new { m.UserId, m.OrganizationId, m.Role });
                    break;
                case "filtered unique index":
                    membership.HasIndex(m => new { m.UserId, m.OrganizationId }).IsUnique().HasFilter("ended_at IS NULL");
                    break;
            }
        }
    }

    private sealed class PerModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((MembershipsContext)context).Shape, designTime);
    }
}
