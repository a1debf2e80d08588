namespace MetricSets.Testing.PostgreSql;

/// <summary>How <see cref="PgBouncer.StartAsync(EmbeddedPostgres, PgBouncerOptions, CancellationToken)"/> configures PgBouncer.</summary>
/// <remarks>Read once, when PgBouncer starts; not thread-safe while being set.</remarks>
public sealed class PgBouncerOptions
{
    /// <summary>
    /// Gets how many server connections PgBouncer opens per database and user (<c>default_pool_size</c>); 20 by default,
    /// PgBouncer's own default. 1 makes every client of a database share one server connection, as a test of transaction
    /// pooling wants; a client that waits on another's open transaction then waits for good (until
    /// <c>query_wait_timeout</c>, 120 s), so keep the default for anything that runs transactions concurrently.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int DefaultPoolSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 20;

    /// <summary>
    /// Gets the roles besides <c>postgres</c> that clients may connect as (an application role of the server's, say);
    /// none by default. PgBouncer's <c>auth_type = trust</c> still admits only users its <c>auth_file</c> lists.
    /// </summary>
    public IReadOnlyList<string> Users { get; init; } = [];
}
