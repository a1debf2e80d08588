using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Checks <see cref="MetricSetsOptions.Memberships"/> against the host's model at start-up: roles that say something,
/// and, where the model maps the memberships or workouts table, columns that exist. A table the model does not map is
/// taken on trust (the health check reads the database).
/// </summary>
internal static class MembershipMappingValidator
{
    public static IEnumerable<string> Validate(IModel model, MetricSetsMembershipTable mapping)
    {
        if (!mapping.IsMapped)
        {
            yield break;
        }

        foreach (var failure in ValidateRoles(mapping))
        {
            yield return failure;
        }

        if (mapping.EntityType is { } entity && model.FindEntityType(entity) is null)
        {
            yield return $"MetricSetsOptions.Memberships.UseEntity<{entity.Name}>(): the context's model does not map {entity.Name}.";
            yield break;
        }

        var table = MembershipSql.MembershipTable(model, mapping);
        var memberships = mapping.EntityType is { } type
            ? model.FindEntityType(type)
            : FindByTable(model, mapping.TableName!, mapping.Schema ?? model.GetDefaultSchema());
        foreach (var missing in Missing(memberships, [mapping.UserColumn, mapping.OrganizationColumn, mapping.RoleColumn]))
        {
            yield return $"MetricSetsOptions.Memberships: the memberships table {table} has no column '{missing}' (it has: {Columns(memberships!)}); name the columns with HasColumns(user, organization, role).";
        }

        if (mapping.WorkoutOrganizationColumn is { } workoutColumn)
        {
            var workouts = model.FindEntityType(typeof(MetricSet))!.GetForeignKeys().Single(key => key.Properties[0].Name == DomainFields.SetWorkoutId).PrincipalEntityType;
            foreach (var missing in Missing(HostTableConfiguration.IsStub(workouts) ? null : workouts, [workoutColumn]))
            {
                yield return $"MetricSetsOptions.Memberships.WorkoutsBelongTo(\"{missing}\"): the workouts table {workouts.GetTableName()} has no such column (it has: {Columns(workouts)}).";
            }
        }
    }

    private static IEnumerable<string> ValidateRoles(MetricSetsMembershipTable mapping)
    {
        if (mapping.StaffRoles.Count == 0 || mapping.MemberRoles.Count == 0 || mapping.StaffRoles.Concat(mapping.MemberRoles).Any(string.IsNullOrWhiteSpace))
        {
            yield return "MetricSetsOptions.Memberships.HasRoles(staff, members): name at least one staff role and one member role, none of them blank.";
        }

        var both = mapping.StaffRoles.Intersect(mapping.MemberRoles, StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            yield return $"MetricSetsOptions.Memberships.HasRoles(staff, members): '{string.Join("', '", both)}' cannot be both a staff role and a member role.";
        }
    }

    // The columns the entity type does not map, or none when the table is not in the model to check.
    private static IEnumerable<string> Missing(IEntityType? entityType, IEnumerable<string> columns)
    {
        if (entityType is null)
        {
            return [];
        }

        var mapped = ColumnNames(entityType);
        return columns.Where(column => !mapped.Contains(column));
    }

    private static HashSet<string> ColumnNames(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return [.. entityType.GetProperties().Select(property => property.GetColumnName(table)).OfType<string>()];
    }

    private static string Columns(IEntityType entityType) => string.Join(", ", ColumnNames(entityType).Order(StringComparer.Ordinal));

    private static IEntityType? FindByTable(IModel model, string table, string? schema) =>
        model.GetEntityTypes().FirstOrDefault(entityType =>
            entityType.GetTableName() == table && entityType.GetSchema() == schema && !HostTableConfiguration.IsStub(entityType));
}
