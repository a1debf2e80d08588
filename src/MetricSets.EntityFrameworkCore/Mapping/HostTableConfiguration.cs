using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>
/// Foreign keys to the host application's users, workouts and organizations tables, which MetricSets references but
/// never creates.
/// </summary>
internal static class HostTableConfiguration
{
    private const string KeyProperty = "Id";

    /// <summary>
    /// Adds a minimal, migration-excluded entity type for a host table referenced by name, so that EF Core can emit the
    /// foreign key. Does nothing when the host maps the table with its own entity type.
    /// </summary>
    public static void AddStub(ModelBuilder modelBuilder, MetricSetsHostTable hostTable)
    {
        if (hostTable.EntityType is not null)
        {
            return;
        }

        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(StubName(hostTable), stub =>
        {
            stub.ToTable(hostTable.TableName, hostTable.Schema, table => table.ExcludeFromMigrations());
            stub.IndexerProperty<Guid>(KeyProperty).HasColumnName(hostTable.KeyColumn);
            stub.HasKey(KeyProperty);
        });
    }

    /// <summary>Makes <paramref name="foreignKeyProperty"/> reference the host table, cascading deletes unless told otherwise.</summary>
    public static void Reference<TDependent>(
        EntityTypeBuilder<TDependent> builder,
        MetricSetsHostTable hostTable,
        string foreignKeyProperty,
        string constraintName,
        DeleteBehavior onDelete = DeleteBehavior.Cascade)
        where TDependent : class
    {
        var relationship = hostTable.EntityType is { } entityType
            ? builder.HasOne(entityType).WithMany()
            : builder.HasOne(StubName(hostTable), navigationName: null).WithMany();
        relationship.HasForeignKey(foreignKeyProperty).HasConstraintName(constraintName).OnDelete(onDelete);
    }

    /// <summary>Determines whether <paramref name="entityType"/> is a stub of a host table referenced by name (the host does not map it).</summary>
    public static bool IsStub(IReadOnlyEntityType entityType) => entityType.Name.StartsWith(StubPrefix, StringComparison.Ordinal);

    private const string StubPrefix = "MetricSets.Host:";

    private static string StubName(MetricSetsHostTable hostTable) => $"{StubPrefix}{hostTable.Schema}.{hostTable.TableName}";
}
