using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Testing.PostgreSql;

/// <summary>
/// Faults a test injects into a running server, to see what a host does when PostgreSQL cuts its sessions. Works on any
/// server the connection string's role may signal (a superuser, or a member of <c>pg_signal_backend</c> for
/// non-superuser sessions), so on <c>METRICSETS_TEST_CONNECTION</c> too. For a whole-server crash and restart, see
/// <see cref="EmbeddedPostgres.RestartAsync"/>.
/// </summary>
public static class PostgresFaults
{
    /// <summary>The <c>application_name</c> of the session that does the terminating; it never terminates itself.</summary>
    public const string ApplicationName = "metricsets-fault-injection";

    /// <summary>
    /// Terminates the other client sessions of the connection string's database (<c>pg_terminate_backend</c>), all of
    /// them or those with <paramref name="applicationName"/>, and waits until they are gone.
    /// </summary>
    /// <remarks>
    /// Each terminated client's next command fails with SQLSTATE 57P01 (<c>admin_shutdown</c>), idle pooled connections
    /// included: Npgsql notices only when it uses one. Sessions of other databases are left alone. This method uses a
    /// session of its own, outside any pool, so it neither borrows a connection it is about to break nor leaves one.
    /// </remarks>
    /// <param name="connectionString">A connection string of the database whose sessions end.</param>
    /// <param name="applicationName">Only sessions with this <c>application_name</c>, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>How many sessions were terminated.</returns>
    public static async Task<int> TerminateBackendsAsync(
        string connectionString, string? applicationName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = ApplicationName };
        await using var connection = new NpgsqlConnection(own.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // pg_terminate_backend(pid, timeout) waits up to 5 s for each session to end, so on return they are gone.
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*)::int FROM (
                SELECT pg_terminate_backend(pid, 5000) AS terminated
                FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                  AND ($1::text IS NULL OR application_name = $1::text)
            ) AS sessions
            WHERE terminated
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)applicationName ?? DBNull.Value });
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
