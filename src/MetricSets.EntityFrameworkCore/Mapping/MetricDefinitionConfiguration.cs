using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Names = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.Definitions;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>Maps <see cref="MetricDefinition"/> to <c>metric_definitions</c>.</summary>
internal sealed class MetricDefinitionConfiguration(string defaultLanguage) : IEntityTypeConfiguration<MetricDefinition>
{
    public void Configure(EntityTypeBuilder<MetricDefinition> builder)
    {
        builder.ToTable(Names.Table);
        builder.HasKey(d => d.Id).HasName(Names.PrimaryKey);
        builder.Property(d => d.Id).HasColumnName(Names.Id).HasColumnOrder(0).HasConversion(IdConverters.DefinitionId).ValueGeneratedNever();

        // A UNIQUE constraint, as the seed declares it (a unique index would be a different catalogue object).
        builder.HasAlternateKey(d => d.Slug).HasName(Names.SlugUnique);
        builder.Property(d => d.Slug).HasColumnName(Names.Slug).HasColumnOrder(1).HasMaxLength(MetricSlug.MaxLength).HasConversion(CodeConverters.Slug);

        builder.Property(d => d.Name).HasColumnName(Names.Name).HasColumnOrder(2).HasColumnType("jsonb")
            .HasConversion(new LocalizedNameConverter(defaultLanguage)).IsRequired();
        builder.Property(d => d.Unit).HasColumnName(Names.Unit).HasColumnOrder(3);
        builder.Property(d => d.Kind).HasColumnName(Names.Kind).HasColumnOrder(4);
        builder.Property(d => d.Description).HasColumnName(Names.Description).HasColumnOrder(5).HasColumnType("text");
    }
}
