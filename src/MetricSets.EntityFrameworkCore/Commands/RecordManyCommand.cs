using System.Globalization;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.EntityFrameworkCore.Commands;

/// <summary>
/// Writes validated values in bulk with PostgreSQL's binary COPY, all in one transaction: straight into
/// <c>member_metrics</c> when every id is new (minted by the library) and no row-level security applies (PostgreSQL
/// refuses COPY into a table with RLS), otherwise through a temporary staging table and
/// <c>INSERT … SELECT … ON CONFLICT (id) DO NOTHING</c>, so an id given twice is a no-op when its content is the same and a
/// conflict (everything rolled back) when it is not.
/// </summary>
/// <remarks>
/// COPY itself is Npgsql's protocol-level import, which EF Core's command pipeline cannot carry: interceptors see the
/// statements around it (the staging table, the insert, the conflict check) but not the COPY.
/// </remarks>
internal static class RecordManyCommand
{
    private const string Staging = "metricsets_import";

    /// <summary>One row to write: the validated value and whether the client chose its time (then part of its identity).</summary>
    public readonly record struct Row(MemberMetric Metric, bool TimeGiven);

    /// <summary>Writes <paramref name="rows"/>; returns how many were recorded (the rest repeated stored values).</summary>
    /// <exception cref="MetricConflictException">An id already holds a different value; nothing was written.</exception>
    public static Task<int> RunAsync(
        DbContext context, IReadOnlyList<Row> rows, bool direct, Action<int> progress, int progressInterval, CancellationToken cancellationToken) =>
        SqlRunner.InTransactionAsync(
            context,
            (rows, direct, progress, progressInterval),
            static (context, state, token) => state.direct
                ? CopyAsync(context, MetricSetsTables.Of(context).MemberMetrics, state.rows, staged: false, state.progress, state.progressInterval, token)
                : StageAndInsertAsync(context, state.rows, state.progress, state.progressInterval, token),

            // After a failed commit: the batch landed when every id it names is stored (all or nothing, in one transaction).
            static async (context, state, token) => (await SqlRunner.ReadAsync(
                context,
                MetricSetsTables.Of(context).Sql(t => $"SELECT count(*)::int FROM {t.MemberMetrics} AS mm WHERE mm.id = ANY(@p1)"),
                [SqlParameters.Uuids(state.rows.Select(row => row.Metric.Id.Value).Distinct())],
                reader => reader.GetInt32(0),
                token).ConfigureAwait(false))[0] == state.rows.Select(row => row.Metric.Id).Distinct().Count(),
            cancellationToken);

    /// <summary>Returns the members among <paramref name="memberIds"/> that the host's users table does not hold.</summary>
    public static async Task<HashSet<UserId>> FindMissingMembersAsync(DbContext context, IReadOnlyCollection<UserId> memberIds, CancellationToken cancellationToken) =>
        [.. (await FindMissingAsync(context, t => t.Users, memberIds.Select(id => id.Value), cancellationToken).ConfigureAwait(false)).Select(id => new UserId(id))];

    /// <summary>Returns the organizations among <paramref name="organizationIds"/> that the host's organizations table does not hold.</summary>
    public static async Task<HashSet<OrganizationId>> FindMissingOrganizationsAsync(
        DbContext context, IEnumerable<OrganizationId> organizationIds, CancellationToken cancellationToken) =>
        [.. (await FindMissingAsync(context, t => t.Organizations, organizationIds.Select(id => id.Value), cancellationToken).ConfigureAwait(false))
            .Select(id => new OrganizationId(id))];

    private static async Task<IEnumerable<Guid>> FindMissingAsync(
        DbContext context, Func<MetricSetsTables, MetricSetsTables.HostTable> table, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var tables = MetricSetsTables.Of(context);
        var found = await SqlRunner.QueryAsync(
            context,
            tables.Sql(t => $"SELECT h.{table(t).Key} FROM {table(t).Name} AS h WHERE h.{table(t).Key} = ANY(@p1)", table(tables).Name),
            () => [SqlParameters.Uuids(wanted)],
            reader => reader.GetGuid(0),
            cancellationToken).ConfigureAwait(false);
        return wanted.Except(found);
    }

    private static async Task<int> StageAndInsertAsync(
        DbContext context, IReadOnlyList<Row> rows, Action<int> progress, int progressInterval, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        await SqlRunner.ExecuteAsync(
            context,
            tables.Sql(t => $"""
                DROP TABLE IF EXISTS pg_temp.{Staging};
                CREATE TEMP TABLE {Staging} (
                    id uuid, member_id uuid, definition_id uuid, value numeric(14,4), unit {t.UnitType}, recorded_at timestamptz,
                    source varchar(50), organization_id uuid, ordinal int, time_given boolean) ON COMMIT DROP
                """),
            [],
            cancellationToken).ConfigureAwait(false);
        await CopyAsync(context, $"pg_temp.{Staging}", rows, staged: true, progress, progressInterval, cancellationToken).ConfigureAwait(false);

        var recorded = await SqlRunner.ExecuteAsync(
            context,
            tables.Sql(t => $"""
                INSERT INTO {t.MemberMetrics} (id, member_id, definition_id, value, unit, recorded_at, source{t.RecordedInColumn})
                SELECT s.id, s.member_id, s.definition_id, s.value, s.unit, s.recorded_at, s.source{t.RecordedInValue("s.organization_id")}
                FROM pg_temp.{Staging} AS s
                ORDER BY s.ordinal
                ON CONFLICT (id) DO NOTHING
                """),
            [],
            cancellationToken).ConfigureAwait(false);

        // Rows whose id holds something else: stored before, or an earlier row of this batch with the same id.
        var conflicts = await SqlRunner.ReadAsync(
            context,
            tables.Sql(t => $"""
                SELECT s.ordinal, count(*) OVER ()::int
                FROM pg_temp.{Staging} AS s
                JOIN {t.MemberMetrics} AS mm ON mm.id = s.id
                WHERE (mm.member_id, mm.definition_id, mm.value, mm.unit, mm.source, {t.RecordedIn("mm")})
                      IS DISTINCT FROM (s.member_id, s.definition_id, s.value, s.unit, s.source, {(t.Provenance == MemberMetricProvenance.None ? "NULL::uuid" : "s.organization_id")})
                   OR (s.time_given AND mm.recorded_at <> s.recorded_at)
                ORDER BY s.ordinal
                LIMIT 20
                """),
            [],
            reader => (Index: reader.GetInt32(0), Count: reader.GetInt32(1)),
            cancellationToken).ConfigureAwait(false);
        await SqlRunner.ExecuteAsync(context, tables.Sql(_ => $"DROP TABLE pg_temp.{Staging}"), [], cancellationToken).ConfigureAwait(false);
        if (conflicts.Count > 0)
        {
            // The message never describes the stored values: an id may belong to another member's value.
            throw new MetricConflictException(MetricErrorCode.IdInUse, string.Create(
                CultureInfo.InvariantCulture,
                $"{conflicts[0].Count} row(s) reuse an id already used for a different value, so nothing was written; rows {string.Join(", ", conflicts.Select(c => c.Index))}{(conflicts[0].Count > conflicts.Count ? " …" : string.Empty)}."));
        }

        return recorded;
    }

    private static async Task<int> CopyAsync(
        DbContext context, string table, IReadOnlyList<Row> rows, bool staged, Action<int> progress, int progressInterval, CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        var withRecordedIn = staged || tables.Provenance != MemberMetricProvenance.None;
        var columns = "id, member_id, definition_id, value, unit, recorded_at, source"
            + (withRecordedIn ? ", organization_id" : string.Empty)
            + (staged ? ", ordinal, time_given" : string.Empty);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var index = 0; index < rows.Count; index++)
            {
                var (metric, timeGiven) = rows[index];
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(metric.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(metric.MemberId.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(metric.DefinitionId.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(metric.Value.Amount, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(metric.Value.Unit, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(metric.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, metric.Source?.Code, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                if (withRecordedIn)
                {
                    await WriteNullableAsync(importer, metric.RecordedIn?.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                }

                if (staged)
                {
                    await importer.WriteAsync(index, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(timeGiven, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                }

                if ((index + 1) % progressInterval == 0)
                {
                    progress(index + 1);
                }
            }

            var written = (int)await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            progress(rows.Count);
            return written;
        }
    }

    private static ValueTask WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? new ValueTask(importer.WriteNullAsync(cancellationToken)) : new ValueTask(importer.WriteAsync(value, type, cancellationToken));
}
