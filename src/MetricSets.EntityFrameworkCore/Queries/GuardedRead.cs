using System.Data.Common;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Runs a read whose statement begins with its access decision (<see cref="StatementAccess"/>): the one-row
/// <c>access</c> drives the rest through <c>LEFT JOIN … ON access.granted</c>, so a refused read still returns one row,
/// carrying the verdict and nothing else.
/// </summary>
internal static class GuardedRead
{
    /// <summary>Reads the verdict and, when granted, every row through <paramref name="read"/> (whose columns start at <see cref="StatementGrant.Count"/>).</summary>
    public static Task<(StatementGrant Grant, List<T> Rows)> RunAsync<T>(
        DbContext context, string sql, StatementAccess access, Func<NpgsqlParameter[]> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync(context, sql, filtered: null, access, parameters, read, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync{T}(DbContext, string, StatementAccess, Func{NpgsqlParameter[]}, Func{DbDataReader, T}, CancellationToken)"/>,
    /// trying <paramref name="filtered"/> first when there is one: the same read with its check as a filter
    /// (<see cref="StatementAccess.FilterForMember"/>) and the same columns. A row from it is a granted read, whole. No row
    /// leaves refusal and an empty read untold, so <paramref name="sql"/> decides, on a snapshot of its own: a refusal
    /// costs one more statement, a granted read none.
    /// </summary>
    public static async Task<(StatementGrant Grant, List<T> Rows)> RunAsync<T>(
        DbContext context, string sql, string? filtered, StatementAccess access, Func<NpgsqlParameter[]> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        if (filtered is not null)
        {
            var granted = await QueryAsync(context, filtered, access, parameters, read, cancellationToken).ConfigureAwait(false);
            if (granted.Count > 0)
            {
                return Decide(access, granted);
            }
        }

        return Decide(access, await QueryAsync(context, sql, access, parameters, read, cancellationToken).ConfigureAwait(false));
    }

    private static Task<List<(bool Granted, bool Held, T Row)>> QueryAsync<T>(
        DbContext context, string sql, StatementAccess access, Func<NpgsqlParameter[]> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        SqlRunner.QueryAsync(
            context,
            sql,
            () => [.. parameters(), .. access.Parameters()],
            reader => (Granted: reader.GetBoolean(0), Held: reader.GetBoolean(1), Row: reader.GetBoolean(0) ? read(reader) : default!),
            cancellationToken);

    // Every row carries the verdict; the first one is read.
    private static (StatementGrant Grant, List<T> Rows) Decide<T>(StatementAccess access, List<(bool Granted, bool Held, T Row)> rows)
    {
        var grant = access.Verdict(rows[0].Granted, rows[0].Held);
        return (grant, grant.Granted ? [.. rows.Select(row => row.Row)] : []);
    }
}
