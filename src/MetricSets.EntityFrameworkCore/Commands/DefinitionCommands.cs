using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Commands;

/// <summary>
/// The catalogue's writes, one statement each, guarded so that a slug taken, a definition in use or an id unknown is an
/// answer rather than a database error (which would abort a host transaction).
/// </summary>
internal static class DefinitionCommands
{
    /// <summary>The answer of <see cref="DeleteAsync"/>: the slug (null when absent), the sets using it, whether it has values, whether it went.</summary>
    public sealed record DeleteResult(MetricSlug? Slug, int SetCount, bool HasValues, bool Deleted);

    /// <summary>Inserts each definition whose slug is free; returns how many were inserted.</summary>
    public static async Task<int> InsertAsync(DbContext context, IReadOnlyList<MetricDefinition> definitions, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(tables => $"""
                INSERT INTO {tables.Definitions} (id, slug, name_i18n, unit, kind, description)
                SELECT e.id, e.slug, e.name::jsonb, e.unit::{tables.UnitType}, e.kind::{tables.KindType}, e.description
                FROM unnest(@p1, @p2, @p3, @p4, @p5, @p6) AS e(id, slug, name, unit, kind, description)
                ON CONFLICT (slug) DO NOTHING
                RETURNING 1
                """),
            () =>
            [
                SqlParameters.Uuids(definitions.Select(d => d.Id.Value)),
                SqlParameters.Texts(definitions.Select(d => d.Slug.Value)),
                SqlParameters.Texts(definitions.Select(d => LocalizedNameConverter.Write(d.Name))),
                SqlParameters.Units(definitions.Select(d => d.Unit)),
                SqlParameters.Kinds(definitions.Select(d => d.Kind)),
                SqlParameters.Texts(definitions.Select(d => d.Description)),
            ],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    /// <summary>Stores the name and description of <paramref name="definition"/>; false when it no longer exists.</summary>
    public static async Task<bool> UpdateAsync(DbContext context, MetricDefinition definition, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(
                tables => $"UPDATE {tables.Definitions} SET name_i18n = @p2::jsonb, description = @p3 WHERE id = @p1 RETURNING 1"),
            () => [SqlParameters.Uuid(definition.Id.Value), SqlParameters.Text(LocalizedNameConverter.Write(definition.Name)), SqlParameters.Text(definition.Description)],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    /// <summary>Deletes a definition that no set uses and no value references, and says why when it does not.</summary>
    public static async Task<DeleteResult> DeleteAsync(DbContext context, MetricDefinitionId id, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(tables => $"""
                WITH uses AS (
                    SELECT (SELECT count(*)::int FROM {tables.SetDefinitions} AS e WHERE e.definition_id = @p1) AS sets,
                           EXISTS (SELECT 1 FROM {tables.MemberMetrics} AS mm WHERE mm.definition_id = @p1) AS has_values
                ), deleted AS (
                    DELETE FROM {tables.Definitions} AS d
                    USING uses
                    WHERE d.id = @p1 AND uses.sets = 0 AND NOT uses.has_values
                    RETURNING 1
                )
                SELECT d.slug, uses.sets, uses.has_values, EXISTS (SELECT 1 FROM deleted)
                FROM uses
                LEFT JOIN {tables.Definitions} AS d ON d.id = @p1
                """),
            () => [SqlParameters.Uuid(id.Value)],
            reader => new DeleteResult(
                reader.IsDBNull(0) ? null : MetricSlug.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetBoolean(2), reader.GetBoolean(3)),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
