using NodaTime;

namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Run-time options of the MetricSets services, configured through <c>services.AddMetricSets&lt;TContext&gt;(o =&gt; …)</c>
/// and validated when the host starts.
/// </summary>
public sealed class MetricSetsOptions
{
    /// <summary>
    /// Gets or sets the most definitions one metric set may hold: 1 to <see cref="MetricLimits.MaxDefinitionsPerSet"/>; 100 by
    /// default. Keeps a set's resolution bounded.
    /// </summary>
    public int MaxDefinitionsPerSet { get; set; } = 100;

    /// <summary>
    /// Gets or sets how far in the future a value's recording time may lie, to absorb clock skew between devices:
    /// zero to one day; five minutes by default. A later time is rejected as a typo.
    /// </summary>
    public Duration MaxFutureSkew { get; set; } = Duration.FromMinutes(5);

    /// <summary>
    /// Gets or sets the key that seals paging cursors (AES-256-GCM: a client can neither read nor alter one), as base64 of
    /// 32 random bytes, for example from configuration or a secret store. Every instance of the host must share it, or a
    /// cursor issued by one is refused by another. When <see langword="null"/> (the default), each process makes up its
    /// own key at start, which suits a single instance. Generate one with
    /// <c>Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))</c>.
    /// </summary>
    public string? CursorKey { get; set; }

    /// <summary>
    /// Gets or sets whether each statement the library sends says who is asking, for PostgreSQL's row-level security
    /// (docs/row-level-security.sql): the call's viewer as the settings <c>metricsets.viewer_user_id</c>,
    /// <c>metricsets.viewer_organization_id</c> and <c>metricsets.viewer_role</c>, set with <c>set_config(…, true)</c>
    /// in the statement's own transaction, so RLS judges the statement as the library's policy did and nothing lasts
    /// beyond it. <see langword="false"/> by default. Catalogue calls take no viewer and set none: run catalogue
    /// administration as the tables' owner.
    /// </summary>
    public bool RowLevelSecurity { get; set; }

    /// <summary>
    /// Gets or sets the number of active members from which a leaderboard walks the definition's ranking (an index in rank
    /// order, keeping the organization's members' latest values) instead of probing every member; 0 walks always. Not
    /// public: the default is what the benchmarks measured (docs/performance.md), and tests lower it to exercise the walk
    /// on small organizations.
    /// </summary>
    internal int LeaderboardWalkFrom { get; set; } = 5_000;

    /// <summary>Gets the access policy's options: whether the default rules apply, and which sources members may use.</summary>
    public MetricAccessOptions Access { get; } = new();

    /// <summary>
    /// Gets where the host's memberships live in its database. Describe them and the library decides access inside each
    /// statement (one round trip, one snapshot), with no <see cref="IMembershipDirectory"/> to register; leave them
    /// undescribed and register a directory instead.
    /// </summary>
    public MetricSetsMembershipTable Memberships { get; } = new();

    /// <summary>
    /// Gets where the library's reads may go instead of the primary: a hot standby, by connection string or data source.
    /// Off by default. Writes and reads inside a host transaction always use the host's context; a scope reads its own
    /// writes (<see cref="IMetricReadSession"/>).
    /// </summary>
    public MetricSetsReplicaOptions Replicas { get; } = new();
}
