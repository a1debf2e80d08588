using System.Data.Common;
using System.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Runs the library's own SQL on the host context's connection and transaction, through EF Core's relational command
/// pipeline (as EF's <c>ExecuteSqlRaw</c> and efcore.pg's own statements do): the host's <c>DbCommandInterceptor</c>s,
/// EF's command logging and diagnostics, the context's command timeout and its concurrency detector all apply.
/// </summary>
/// <remarks>
/// <para>
/// Each unit of work runs under the context's execution strategy, exactly as EF Core's own queries do, so
/// <c>EnableRetryOnFailure</c> retries it after a transient failure. Every unit the library sends is safe to repeat:
/// reads trivially, single writes because they are keyed by an id chosen before the first attempt
/// (<c>INSERT … ON CONFLICT … DO NOTHING</c>), multi-statement writes because they run in a transaction of their own.
/// </para>
/// <para>
/// Inside a host transaction nothing is retried alone, because a statement of a transaction cannot be repeated by
/// itself; multi-statement writes run in a savepoint so that a refused write leaves the host's transaction usable. As for
/// EF Core's own queries, a retrying strategy requires such a transaction to run inside
/// <c>CreateExecutionStrategy().ExecuteAsync</c>, which then retries the host's transaction as a whole.
/// </para>
/// </remarks>
internal static class SqlRunner
{
    // The parameters' names: the SQL refers to the i-th unnamed parameter as @p{i}, counting from 1.
    private static readonly string[] ParameterNames = [.. Enumerable.Range(1, 32).Select(index => $"p{index}")];

    /// <summary>Reads every row of one statement, retried as a whole after a transient failure.</summary>
    public static Task<List<T>> QueryAsync<T>(
        DbContext context, string sql, Func<NpgsqlParameter[]> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync(context, (sql, parameters, read), static (context, state, token) => ReadAsync(context, state.sql, state.parameters(), state.read, token), cancellationToken);

    /// <summary>Runs <paramref name="operation"/> under the context's execution strategy, as EF Core runs a query.</summary>
    public static Task<TResult> RunAsync<TState, TResult>(
        DbContext context, TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation, CancellationToken cancellationToken) =>
        context.Database.CreateExecutionStrategy().ExecuteAsync(state, operation, verifySucceeded: null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="operation"/> atomically: inside a savepoint of the host's transaction when there is one (so a
    /// failure leaves that transaction usable), otherwise in a transaction of its own that the execution strategy retries
    /// as a whole; <paramref name="verifySucceeded"/> tells, after a failed commit, whether it committed after all.
    /// </summary>
    public static async Task<TResult> InTransactionAsync<TState, TResult>(
        DbContext context,
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<bool>> verifySucceeded,
        CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await operation(context, state, cancellationToken).ConfigureAwait(false);
                await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
                return result;
            }
            catch
            {
                await RollbackToSavepointAsync(transaction).ConfigureAwait(false);
                throw;
            }
        }

        if (HasAmbientTransaction(context))
        {
            // An ambient or enlisted System.Transactions transaction: it decides atomicity, and savepoints do not apply.
            return await operation(context, state, cancellationToken).ConfigureAwait(false);
        }

        return await context.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            (context, state),
            (pair, token) => operation(pair.context, pair.state, token),
            (pair, token) => verifySucceeded(pair.context, pair.state, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Determines whether <paramref name="context"/> is inside a transaction: its own, an enlisted one or an ambient one.</summary>
    public static bool HasTransaction(DbContext context) => context.Database.CurrentTransaction is not null || HasAmbientTransaction(context);

    /// <summary>
    /// Reads every row of one statement, once (the caller decides about retries). A read routed by
    /// <see cref="Replicas.ReplicaReads{TContext}"/> carries its WAL position check in the same command.
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(
        DbContext context, string sql, NpgsqlParameter[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var check = Replicas.PositionCheck.Current;
        var command = check is null ? Build(context, sql, parameters) : Build(context, check.Around(sql), [.. parameters, .. check.Parameters()]);
        using var criticalSection = EnterCriticalSection(context);
        var reader = await command.ExecuteReaderAsync(ParameterObject(context), cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (check is not null)
            {
                await check.BeforeRowsAsync(reader.DbDataReader, cancellationToken).ConfigureAwait(false);
            }

            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader.DbDataReader));
            }

            if (check is not null)
            {
                await check.AfterRowsAsync(reader.DbDataReader, cancellationToken).ConfigureAwait(false);
            }

            return rows;
        }
    }

    /// <summary>Runs one statement that returns no rows, once (the caller decides about retries).</summary>
    public static async Task<int> ExecuteAsync(DbContext context, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        var command = Build(context, sql, parameters);
        using var criticalSection = EnterCriticalSection(context);
        return await command.ExecuteNonQueryAsync(ParameterObject(context), cancellationToken).ConfigureAwait(false);
    }

    private const string Savepoint = "metricsets";

    // An ambient or enlisted System.Transactions transaction.
    private static bool HasAmbientTransaction(DbContext context) => context.Database.GetEnlistedTransaction() is not null || Transaction.Current is not null;

    private static async Task RollbackToSavepointAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // The connection broke: the host's transaction is lost anyway, and the original error says why.
        }
    }

    private static IRelationalCommand Build(DbContext context, string sql, NpgsqlParameter[] parameters)
    {
        var builder = context.GetService<IRelationalCommandBuilderFactory>().Create().Append(sql);
        for (var index = 0; index < parameters.Length; index++)
        {
            // Named, because EF adds a raw parameter only when the command has none of that name yet; a parameter named
            // by its builder (the access decision's, shared by every statement) keeps its name.
            var parameter = parameters[index];
            if (string.IsNullOrEmpty(parameter.ParameterName))
            {
                parameter.ParameterName = ParameterNames[index];
            }

            builder.AddRawParameter(parameter.ParameterName, parameter);
        }

        return builder.Build();
    }

    private static RelationalCommandParameterObject ParameterObject(DbContext context) =>
        new(
            context.GetService<IRelationalConnection>(),
            parameterValues: null,
            readerColumns: null,
            context,
            context.GetService<IRelationalCommandDiagnosticsLogger>(),
            CommandSource.ExecuteSqlRaw);

    // EF's guard against two operations on one context at once: the same clear error as for the host's own queries.
    private static ConcurrencyDetectorCriticalSectionDisposer? EnterCriticalSection(DbContext context) =>
        context.GetService<ICoreSingletonOptions>().AreThreadSafetyChecksEnabled
            ? context.GetService<IConcurrencyDetector>().EnterCriticalSection()
            : null;
}
