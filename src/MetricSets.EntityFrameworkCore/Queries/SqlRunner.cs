using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Runs hand-written SQL on the host context's own connection and transaction. The hot reads use it rather than LINQ:
/// EF cannot express <c>LATERAL … LIMIT</c> reliably, and the materialization overhead matters at the sizes measured in
/// docs/performance.md.
/// </summary>
internal static class SqlRunner
{
    public static async Task<List<T>> QueryAsync<T>(
        DbContext context, string sql, IEnumerable<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var database = context.Database;
        var connection = (NpgsqlConnection)database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var command = new NpgsqlCommand(sql, connection)
            {
                Transaction = (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction(),
            };
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            if (opened)
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }
}
