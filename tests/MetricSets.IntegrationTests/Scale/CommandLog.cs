using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>A host's command interceptor that keeps every reader command it sees with the port of the server it went to.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    public ConcurrentQueue<(int Port, string Text)> Commands { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue((((NpgsqlConnection)command.Connection!).Port, command.CommandText));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
