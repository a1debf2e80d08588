using System.Data.Common;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Commands;

/// <summary>
/// Records one value in one statement: <c>INSERT … ON CONFLICT (id) DO NOTHING</c>, guarded so that it raises no error in
/// the cases a caller can cause (an unknown member or definition, a reused id), and returning what the caller needs to
/// tell them apart. Nothing touches the host's change tracker, and inside a host transaction a refused write leaves that
/// transaction usable.
/// </summary>
/// <remarks>
/// The insert happens only when the definition's stored unit and kind are those the value was validated against (the
/// caller's <see cref="DefinitionCache"/> may be stale) and the member exists in the host's users table. The outer select
/// reads with the statement's snapshot, so it sees a row with the same id only when it was committed before the statement
/// began, and only the member's own; a conflicting row committed meanwhile (READ COMMITTED) or another member's is read
/// by <see cref="FindAsync"/>, and under REPEATABLE READ or SERIALIZABLE PostgreSQL raises a serialization failure (40001,
/// transient) instead. Every reference to member_metrics names the member (docs/scaling.md: a router query under Citus).
/// </remarks>
internal static class RecordCommand
{
    private const int SerializationRetries = 3;

    /// <summary>What the statement did.</summary>
    public enum Outcome
    {
        /// <summary>The value was inserted.</summary>
        Inserted,

        /// <summary>The access decision in the statement refused the actor.</summary>
        Refused,

        /// <summary>No definition has the id.</summary>
        DefinitionMissing,

        /// <summary>The host's users table has no such member.</summary>
        MemberMissing,

        /// <summary>The host's organizations table has no organization to record the value in.</summary>
        OrganizationMissing,

        /// <summary>The definition's stored unit or kind is not the one the value was validated against.</summary>
        DefinitionChanged,

        /// <summary>The id holds a value of the member committed before the statement began: <see cref="Result.Stored"/>.</summary>
        IdTaken,

        /// <summary>
        /// The id holds a value committed while the statement ran, or another member's value (the statement looks for the
        /// member's own only, so that it touches one member's rows: one shard under Citus); read it with <see cref="FindAsync"/>.
        /// </summary>
        IdTakenConcurrently,
    }

    /// <summary>The statement's answer: what happened, the stored definition's unit and kind, and the row holding the id.</summary>
    public sealed record Result(Outcome Outcome, MetricUnit Unit, MetricKind Kind, StoredValue? Stored);

    public static string Sql(MetricSetsTables tables, AccessShape shape) => $"""
        WITH {StatementAccess.ForRecording(shape, "@p3")}, definition AS (
            SELECT d.unit, d.kind FROM {tables.Definitions} AS d WHERE d.id = @p2
        ), member AS (
            SELECT EXISTS (SELECT 1 FROM {tables.Users.Name} AS u WHERE u.{tables.Users.Key} = @p3) AS found,
                   @p8::uuid IS NULL OR EXISTS (SELECT 1 FROM {tables.Organizations.Name} AS o WHERE o.{tables.Organizations.Key} = @p8) AS organization_found
        ), inserted AS (
            INSERT INTO {tables.MemberMetrics} (id, member_id, definition_id, value, unit, recorded_at, source{tables.RecordedInColumn})
            SELECT @p1, @p3, @p2, @p4, @p5, @p6, @p7{tables.RecordedInValue("@p8")}
            FROM access, definition, member
            WHERE access.granted AND member.found AND member.organization_found AND definition.unit = @p9 AND definition.kind = @p10
            ON CONFLICT (id) DO NOTHING
            RETURNING 1
        )
        SELECT definition.unit, definition.kind, member.found, EXISTS (SELECT 1 FROM inserted), member.organization_found, access.granted,
               {StoredValue.Columns("existing", tables)}
        FROM access
        CROSS JOIN member
        LEFT JOIN definition ON true
        LEFT JOIN {tables.MemberMetrics} AS existing ON existing.member_id = @p3 AND existing.id = @p1
        """;

    /// <summary>Runs the statement for <paramref name="metric"/>, validated against <paramref name="definition"/>.</summary>
    public static async Task<Result> RunAsync(DbContext context, StatementAccess access, MemberMetric metric, MetricDefinition definition, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var sql = tables.Sql(t => Sql(t, access.Shape), access.Shape.Key);
        return await SqlRunner.RunAsync(
            context,
            (sql, metric, definition, access),
            static async (context, state, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return (await SqlRunner.ReadAsync(context, state.sql, [.. Parameters(state.metric, state.definition), .. state.access.Parameters()], reader => Read(reader, state.definition), token)
                            .ConfigureAwait(false))[0];
                    }
                    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.SerializationFailure
                        && context.Database.CurrentTransaction is null && attempt < SerializationRetries)
                    {
                        // Alone in its own transaction (a database whose default isolation is REPEATABLE READ or SERIALIZABLE),
                        // the statement lost a race for the id to a transaction that has committed since: run it again, and
                        // it sees that row. It is safe to repeat, and no transaction of the host's is involved.
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter[] Parameters(MemberMetric metric, MetricDefinition definition) =>
        [
            SqlParameters.Uuid(metric.Id.Value),
            SqlParameters.Uuid(metric.DefinitionId.Value),
            SqlParameters.Uuid(metric.MemberId.Value),
            SqlParameters.Numeric(metric.Value.Amount),
            SqlParameters.Unit(metric.Value.Unit),
            SqlParameters.Timestamp(metric.RecordedAt),
            SqlParameters.Text(metric.Source?.Code),
            SqlParameters.OptionalUuid(metric.RecordedIn?.Value),
            SqlParameters.Unit(definition.Unit),
            SqlParameters.Kind(definition.Kind),
        ];

    /// <summary>Reads the value stored under <paramref name="id"/> with a fresh snapshot, or <see langword="null"/>.</summary>
    public static async Task<StoredValue?> FindAsync(DbContext context, MemberMetricId id, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(
                tables => $"SELECT {StoredValue.Columns("mm", tables)} FROM {tables.MemberMetrics} AS mm WHERE mm.id = @p1"),
            () => [SqlParameters.Uuid(id.Value)],
            reader => StoredValue.Read(reader, 0),
            cancellationToken).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    /// <summary>Deletes the value <paramref name="stored"/> describes, if it is still that member's; false when it is gone.</summary>
    public static async Task<bool> DeleteAsync(DbContext context, StoredValue stored, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            MetricSetsTables.Of(context).Sql(tables => $"DELETE FROM {tables.MemberMetrics} WHERE id = @p1 AND member_id = @p2 RETURNING 1"),
            () => [SqlParameters.Uuid(stored.Id.Value), SqlParameters.Uuid(stored.MemberId.Value)],
            _ => 1,
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    private static Result Read(DbDataReader reader, MetricDefinition expected)
    {
        if (!reader.GetBoolean(5) || reader.IsDBNull(0))
        {
            return new Result(reader.GetBoolean(5) ? Outcome.DefinitionMissing : Outcome.Refused, default, default, null);
        }

        var (unit, kind) = (reader.GetFieldValue<MetricUnit>(0), reader.GetFieldValue<MetricKind>(1));
        var stored = StoredValue.Read(reader, 6);
        var outcome = (reader.GetBoolean(3), reader.GetBoolean(2), reader.GetBoolean(4)) switch
        {
            (true, _, _) => Outcome.Inserted,
            (_, false, _) => Outcome.MemberMissing,
            (_, _, false) => Outcome.OrganizationMissing,
            _ when stored is not null => Outcome.IdTaken,

            // Neither inserted nor blocked by the member or a visible row: either the definition's guard failed, or a row
            // with the id was committed while the statement ran.
            _ when unit != expected.Unit || kind != expected.Kind => Outcome.DefinitionChanged,
            _ => Outcome.IdTakenConcurrently,
        };
        return new Result(outcome, unit, kind, stored);
    }
}
