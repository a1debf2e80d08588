using System.Data.Common;
using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// What the statement of the read in progress proves or learns about WAL positions, in the read's own round trip: set
/// by <see cref="ReplicaReads{TContext}"/> around one read, applied by <see cref="SqlRunner.ReadAsync{T}"/>.
/// </summary>
/// <remarks>
/// <para>
/// On a replica, a first statement answers whether the standby has replayed <see cref="Required"/>
/// (<c>pg_last_wal_replay_lsn()</c>; a server that is not in recovery, such as the primary a <c>prefer-standby</c>
/// connection string fell back to, has everything); when it has not, the read's rows are not used and
/// <see cref="ReplicaBehindException"/> sends the read to the primary. The statements go in one command, so they cost
/// one round trip; replay only moves forward, so the read that follows sees at least what the check saw.
/// </para>
/// <para>
/// On the primary, after a write whose position the scope has not learnt, a last statement reports
/// <c>pg_current_wal_insert_lsn()</c>: it runs after the read's transaction began, so after every commit of the scope.
/// The insert position rather than <c>pg_current_wal_lsn()</c>: with asynchronous commit the position written so far
/// may still be short of a commit that has returned (GitLab's load balancer takes the same one).
/// </para>
/// </remarks>
internal sealed class PositionCheck : IDisposable
{
    private const string RequiredParameter = "metricsets_replayed";

    private static readonly AsyncLocal<PositionCheck?> CurrentCheck = new();

    private readonly PositionCheck? _outer;

    private PositionCheck(NpgsqlLogSequenceNumber? required, bool captures)
    {
        Required = required;
        Captures = captures;
        _outer = CurrentCheck.Value;
        CurrentCheck.Value = this;
    }

    /// <summary>Gets the check of the read in progress on this execution context, or <see langword="null"/>.</summary>
    public static PositionCheck? Current => CurrentCheck.Value;

    /// <summary>Gets the position a replica must have replayed for the read to use it, or <see langword="null"/>.</summary>
    public NpgsqlLogSequenceNumber? Required { get; }

    /// <summary>Gets whether the read reports the primary's position.</summary>
    public bool Captures { get; }

    /// <summary>Gets the primary's position the read reported, once it has run.</summary>
    public NpgsqlLogSequenceNumber? Captured { get; private set; }

    /// <summary>Makes the reads of this execution context check, on the replica, that it has replayed <paramref name="position"/>.</summary>
    public static PositionCheck Require(NpgsqlLogSequenceNumber position) => new(position, captures: false);

    /// <summary>Makes the reads of this execution context report the primary's position.</summary>
    public static PositionCheck Capture() => new(required: null, captures: true);

    /// <summary>Reads the primary's position on its own: one round trip on <paramref name="context"/>.</summary>
    public static async Task<NpgsqlLogSequenceNumber> PrimaryPositionAsync(DbContext context, CancellationToken cancellationToken) =>
        (await SqlRunner.QueryAsync(context, CaptureSql, () => [], ReadPosition, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Returns <paramref name="sql"/> with the check's statements around it.</summary>
    public string Around(string sql) =>
        Required is null ? $"{sql}\n;\n{CaptureSql}" : $"SELECT coalesce(NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= @{RequiredParameter}, false);\n{sql}";

    /// <summary>The check's parameters, appended to the read's own.</summary>
    public NpgsqlParameter[] Parameters() =>
        Required is { } required ? [new NpgsqlParameter<NpgsqlLogSequenceNumber>(RequiredParameter, required) { NpgsqlDbType = NpgsqlDbType.PgLsn }] : [];

    /// <summary>Reads the check's answer before the read's rows, and moves to them.</summary>
    /// <exception cref="ReplicaBehindException">The replica has not replayed <see cref="Required"/>.</exception>
    public async Task BeforeRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (Required is null)
        {
            return;
        }

        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || !reader.GetBoolean(0))
        {
            throw new ReplicaBehindException();
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the primary's position after the read's rows.</summary>
    public async Task AfterRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (Captures && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Captured = ReadPosition(reader);
        }
    }

    public void Dispose() => CurrentCheck.Value = _outer;

    private const string CaptureSql = "SELECT pg_current_wal_insert_lsn()";

    private static NpgsqlLogSequenceNumber ReadPosition(DbDataReader reader) => reader.GetFieldValue<NpgsqlLogSequenceNumber>(0);
}
