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
    public static async Task<(StatementGrant Grant, List<T> Rows)> RunAsync<T>(
        DbContext context, string sql, StatementAccess access, Func<NpgsqlParameter[]> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = await SqlRunner.QueryAsync(
            context,
            sql,
            () => [.. parameters(), .. access.Parameters()],
            reader => (Granted: reader.GetBoolean(0), Held: reader.GetBoolean(1), Row: reader.GetBoolean(0) ? read(reader) : default!),
            cancellationToken).ConfigureAwait(false);

        // Every row carries the verdict; the first one is read.
        var grant = access.Verdict(rows[0].Granted, rows[0].Held);
        return (grant, grant.Granted ? [.. rows.Select(row => row.Row)] : []);
    }
}
