using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Names = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.MemberMetrics;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>Maps <see cref="MemberMetric"/> to <c>member_metrics</c>.</summary>
internal sealed class MemberMetricConfiguration(MetricSetsModelOptions options) : IEntityTypeConfiguration<MemberMetric>
{
    public void Configure(EntityTypeBuilder<MemberMetric> builder)
    {
        builder.ToTable(Names.Table);
        builder.HasKey(m => m.Id).HasName(Names.PrimaryKey);
        builder.Property(m => m.Id).HasColumnName(Names.Id).HasColumnOrder(0).HasConversion(IdConverters.MemberMetricId).ValueGeneratedNever();

        builder.Ignore(m => m.MemberId);
        builder.Ignore(m => m.Value);
        builder.Property<Guid>(DomainFields.MetricMemberId).HasColumnName(Names.MemberId).HasColumnOrder(1);
        builder.Property(m => m.DefinitionId).HasColumnName(Names.DefinitionId).HasColumnOrder(2).HasConversion(IdConverters.DefinitionId);
        builder.Property<decimal>(DomainFields.MetricAmount).HasColumnName(Names.Value).HasColumnOrder(3).HasPrecision(14, 4);
        builder.Property<MetricUnit>(DomainFields.MetricUnit).HasColumnName(Names.Unit).HasColumnOrder(4);

        // The domain always sets the time, so EF always sends it; DEFAULT now() serves raw inserts.
        builder.Property(m => m.RecordedAt).HasColumnName(Names.RecordedAt).HasColumnOrder(5).HasDefaultValueSql("now()").ValueGeneratedNever();
        builder.Property(m => m.Source).HasColumnName(Names.Source).HasColumnOrder(6).HasMaxLength(MetricSource.MaxLength).HasConversion((ValueConverter)CodeConverters.Source);

        builder.HasIndex(DomainFields.MetricMemberId, nameof(MemberMetric.DefinitionId), nameof(MemberMetric.RecordedAt))
            .IsDescending(false, false, true).HasDatabaseName(Names.MemberDefinitionRecordedIndex);
        builder.HasIndex(m => new { m.DefinitionId, m.RecordedAt })
            .IsDescending(false, true).HasDatabaseName(Names.DefinitionIndex);

        builder.HasOne<MetricDefinition>().WithMany().HasForeignKey(m => m.DefinitionId)
            .HasConstraintName(Names.DefinitionForeignKey).OnDelete(DeleteBehavior.Restrict);

        // Erasing a person erases their values: the seed allows hard deletes only, through cascades.
        HostTableConfiguration.Reference(builder, options.Users, DomainFields.MetricMemberId, Names.MemberForeignKey);

        if (options.Provenance != MemberMetricProvenance.None)
        {
            // Values follow the person: deleting an organization keeps them and forgets where they were recorded.
            builder.Property<Guid?>(DomainFields.MetricRecordedIn).HasColumnName(Names.RecordedIn).HasColumnOrder(7);
            builder.HasIndex(DomainFields.MetricRecordedIn).HasDatabaseName(Names.RecordedInIndex);
            HostTableConfiguration.Reference(
                builder, options.Organizations, DomainFields.MetricRecordedIn, Names.RecordedInForeignKey, DeleteBehavior.SetNull);
        }
    }
}
