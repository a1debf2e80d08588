using Npgsql;
using NodaTime;

namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Where the library's reads may go instead of the primary, at <see cref="MetricSetsOptions.Replicas"/>: a PostgreSQL hot
/// standby (streaming replication) or several, named by a connection string or a data source. Off until one is set.
/// </summary>
/// <remarks>
/// <para>
/// The reads of <see cref="IMemberMetricReader"/>, <see cref="IMetricSetResolver"/> and <see cref="ILeaderboardReader"/>
/// go to the replica; writes, the catalogue, set management and every read inside a host transaction stay on the
/// primary, on the host context's own connection. A read leaves the primary only when the replica has replayed everything
/// the scope wrote (and any position the host carried over with <see cref="IMetricReadSession.ContinueFrom"/>); the check is
/// the first statement of the read's own round trip. A replica that has not caught up, fails or is down sends the read to
/// the primary (docs/scaling-connections.md).
/// </para>
/// <para>
/// The replica is reached through a second instance of the host's context, built from the host's
/// <c>DbContextOptions&lt;TContext&gt;</c> with this connection instead: the same model, interceptors (row-level security
/// included) and command timeout, but no retries (a failure falls back to the primary at once rather than waiting out
/// retry delays). The host's own context and its connection are never touched.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// services.AddMetricSets&lt;GymDbContext&gt;(o =&gt;
///     o.Replicas.ConnectionString = "Host=standby1,standby2;Database=gym;Username=app;Target Session Attributes=standby;Load Balance Hosts=true");
/// </code>
/// </example>
public sealed class MetricSetsReplicaOptions
{
    internal MetricSetsReplicaOptions()
    {
    }

    /// <summary>
    /// Gets or sets the connection string of the replica, or <see langword="null"/>. Several standbys may be listed
    /// (<c>Host=standby1,standby2</c>) with <c>Target Session Attributes=standby</c> (only standbys; when none answers the
    /// reads go to the primary) or <c>prefer-standby</c> (Npgsql itself falls back to a primary listed there), and
    /// <c>Load Balance Hosts=true</c> to spread the reads. NodaTime and the library's enums are mapped on it as on the
    /// host's own connection string.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the data source of the replica, or <see langword="null"/>: for example a multi-host data source's
    /// <c>WithTargetSession(TargetSessionAttributes.Standby)</c>. Like a data source given to <c>UseNpgsql</c>, it must
    /// map what the library reads: build it with <c>NpgsqlDataSourceBuilder.UseMetricSets()</c>.
    /// </summary>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>
    /// Gets or sets how long the reads stay on the primary after the replica failed (a refused or broken connection, a
    /// timeout, an error), before one read tries it again: zero to one hour; ten seconds by default. Keeps a replica that
    /// is down from costing every read a failed attempt.
    /// </summary>
    public Duration RetryAfter { get; set; } = Duration.FromSeconds(10);

    /// <summary>Gets whether a replica is set, by <see cref="ConnectionString"/> or <see cref="DataSource"/>.</summary>
    public bool IsEnabled => ConnectionString is not null || DataSource is not null;
}
