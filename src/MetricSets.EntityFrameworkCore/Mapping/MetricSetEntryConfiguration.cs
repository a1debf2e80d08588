using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Names = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.SetDefinitions;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>Maps <see cref="MetricSetEntry"/> to the junction table <c>metric_set_definitions</c>.</summary>
internal sealed class MetricSetEntryConfiguration : IEntityTypeConfiguration<MetricSetEntry>
{
    public void Configure(EntityTypeBuilder<MetricSetEntry> builder)
    {
        builder.ToTable(Names.Table);
        builder.HasKey(e => new { e.SetId, e.DefinitionId }).HasName(Names.PrimaryKey);
        builder.Property(e => e.SetId).HasColumnName(Names.SetId).HasColumnOrder(0).HasConversion(IdConverters.SetId);
        builder.Property(e => e.DefinitionId).HasColumnName(Names.DefinitionId).HasColumnOrder(1).HasConversion(IdConverters.DefinitionId);

        // The domain always sets the position, so EF must always send it, even 0; the default serves raw inserts.
        builder.Property(e => e.SortOrder).HasColumnName(Names.SortOrder).HasColumnOrder(2).HasDefaultValue(0).ValueGeneratedNever();

        builder.HasOne<MetricDefinition>().WithMany().HasForeignKey(e => e.DefinitionId)
            .HasConstraintName(Names.DefinitionForeignKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.DefinitionId).HasDatabaseName(Names.DefinitionIndex);
    }
}
