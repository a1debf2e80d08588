using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Names = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.Sets;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>Maps <see cref="MetricSet"/> to <c>metric_sets</c>, its owner to three nullable columns.</summary>
internal sealed class MetricSetConfiguration(MetricSetsModelOptions options) : IEntityTypeConfiguration<MetricSet>
{
    public void Configure(EntityTypeBuilder<MetricSet> builder)
    {
        builder.ToTable(
            Names.Table,
            table => table.HasCheckConstraint(
                Names.OwnerCheck,
                $"num_nonnulls({Names.MemberUserId}, {Names.WorkoutId}, {Names.OrganizationId}) = 1"));
        builder.HasKey(s => s.Id).HasName(Names.PrimaryKey);
        builder.Property(s => s.Id).HasColumnName(Names.Id).HasColumnOrder(0).HasConversion(IdConverters.SetId).ValueGeneratedNever();
        builder.Property(s => s.Name).HasColumnName(Names.Name).HasColumnOrder(1).HasMaxLength(MetricSet.MaxNameLength).IsRequired();

        builder.Ignore(s => s.Owner);
        builder.Ignore(s => s.DefinitionIds);
        MapOwner(builder, DomainFields.SetMemberUserId, Names.MemberUserId, 2, Names.MemberIndex, Names.MemberForeignKey, options.Users);
        MapOwner(builder, DomainFields.SetWorkoutId, Names.WorkoutId, 3, Names.WorkoutIndex, Names.WorkoutForeignKey, options.Workouts);
        MapOwner(builder, DomainFields.SetOrganizationId, Names.OrganizationId, 4, Names.OrganizationIndex, Names.OrganizationForeignKey, options.Organizations);

        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.SetId)
            .HasConstraintName(SchemaNames.SetDefinitions.SetForeignKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Entries).HasField(DomainFields.SetEntries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void MapOwner(
        EntityTypeBuilder<MetricSet> builder, string field, string column, int columnOrder, string index, string foreignKey, MetricSetsHostTable hostTable)
    {
        builder.Property<Guid?>(field).HasColumnName(column).HasColumnOrder(columnOrder);
        builder.HasIndex(field).HasDatabaseName(index).HasFilter($"{column} IS NOT NULL");
        HostTableConfiguration.Reference(builder, hostTable, field, foreignKey);
    }
}
