using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Commands;

/// <summary>
/// The writes of metric sets, as statements of the library's own: a set's row, and its entries brought in line with the
/// aggregate's order. Each is guarded so that a missing owner or definition is an answer, not a database error.
/// </summary>
internal static class SetCommands
{
    /// <summary>Inserts the set's row when its owner exists in the host's table; false when it does not.</summary>
    public static async Task<bool> InsertAsync(DbContext context, MetricSet set, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var (ownerTable, ownerId, variant) = set.Owner.Match(
            member => (tables.Users, member.Value, "member"),
            workout => (tables.Workouts, workout.Value, "workout"),
            organization => (tables.Organizations, organization.Value, "organization"));
        var rows = await SqlRunner.QueryAsync(
            context,
            tables.Sql(
                t => $"""
                INSERT INTO {t.Sets} (id, name, member_user_id, workout_id, organization_id)
                SELECT @p1, @p2, @p3, @p4, @p5
                WHERE EXISTS (SELECT 1 FROM {ownerTable.Name} AS o WHERE o.{ownerTable.Key} = @p6)
                RETURNING 1
                """,
                variant),
            () =>
            [
                SqlParameters.Uuid(set.Id.Value),
                SqlParameters.Text(set.Name),
                SqlParameters.OptionalUuid(set.Owner.TryGetMember(out var member) ? member.Value : null),
                SqlParameters.OptionalUuid(set.Owner.TryGetWorkout(out var workout) ? workout.Value : null),
                SqlParameters.OptionalUuid(set.Owner.TryGetOrganization(out var organization) ? organization.Value : null),
                SqlParameters.Uuid(ownerId),
            ],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    /// <summary>Locks the set's row until the transaction ends, so that changes to one set are made one at a time.</summary>
    public static async Task<bool> LockAsync(DbContext context, MetricSetId id, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.ReadAsync(
            context,
            MetricSetsTables.Of(context).Sql(t => $"SELECT 1 FROM {t.Sets} WHERE id = @p1 FOR UPDATE"),
            [SqlParameters.Uuid(id.Value)],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    /// <summary>Stores the set's name; false when the set no longer exists.</summary>
    public static async Task<bool> RenameAsync(DbContext context, MetricSet set, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(t => $"UPDATE {t.Sets} SET name = @p2 WHERE id = @p1 RETURNING 1"),
            () => [SqlParameters.Uuid(set.Id.Value), SqlParameters.Text(set.Name)],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    /// <summary>
    /// Makes the stored entries exactly the set's (removing, adding and renumbering as needed) and returns the definitions
    /// among them that do not exist; the caller rolls back when there are any. Runs once inside the caller's transaction.
    /// </summary>
    public static async Task<List<MetricDefinitionId>> SaveEntriesAsync(DbContext context, MetricSet set, CancellationToken cancellationToken)
    {
        var entries = set.Entries;
        var rows = await SqlRunner.ReadAsync(
            context,
            MetricSetsTables.Of(context).Sql(t => $"""
                WITH wanted AS (
                    SELECT w.definition_id, w.sort_order FROM unnest(@p2, @p3) AS w(definition_id, sort_order)
                ), removed AS (
                    DELETE FROM {t.SetDefinitions} AS e
                    WHERE e.set_id = @p1 AND NOT EXISTS (SELECT 1 FROM wanted AS w WHERE w.definition_id = e.definition_id)
                ), saved AS (
                    INSERT INTO {t.SetDefinitions} AS e (set_id, definition_id, sort_order)
                    SELECT @p1, w.definition_id, w.sort_order
                    FROM wanted AS w
                    JOIN {t.Definitions} AS d ON d.id = w.definition_id
                    ON CONFLICT (set_id, definition_id) DO UPDATE SET sort_order = excluded.sort_order
                    WHERE e.sort_order <> excluded.sort_order
                )
                SELECT w.definition_id
                FROM wanted AS w
                WHERE NOT EXISTS (SELECT 1 FROM {t.Definitions} AS d WHERE d.id = w.definition_id)
                """),
            [
                SqlParameters.Uuid(set.Id.Value),
                SqlParameters.Uuids(entries.Select(entry => entry.DefinitionId.Value)),
                SqlParameters.Integers(entries.Select(entry => entry.SortOrder)),
            ],
            reader => new MetricDefinitionId(reader.GetGuid(0)),
            cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Deletes the set (its entries go by cascade); false when it no longer exists.</summary>
    public static async Task<bool> DeleteAsync(DbContext context, MetricSetId id, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(t => $"DELETE FROM {t.Sets} WHERE id = @p1 RETURNING 1"),
            () => [SqlParameters.Uuid(id.Value)],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }
}
