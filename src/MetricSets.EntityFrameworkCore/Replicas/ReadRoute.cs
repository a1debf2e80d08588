namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// Where a read ran and why, as telemetry names it (<c>metricsets.read.target</c>, <c>metricsets.read.reason</c>);
/// docs/telemetry.md lists the values. Stable: dashboards are built on them.
/// </summary>
internal static class ReadRoute
{
    /// <summary>The read ran on the replica.</summary>
    public const string Replica = "replica";

    /// <summary>The read ran on the primary, on the host context's connection.</summary>
    public const string Primary = "primary";

    /// <summary>The host's context is inside a transaction, whose writes only the primary sees.</summary>
    public const string Transaction = "transaction";

    /// <summary>The scope wrote, and the read also learns the position of that write for the scope's later reads.</summary>
    public const string OwnWrite = "own_write";

    /// <summary>The replica has not replayed what the scope must see.</summary>
    public const string Behind = "behind";

    /// <summary>The replica failed, now or within <see cref="MetricSetsReplicaOptions.RetryAfter"/>.</summary>
    public const string Unavailable = "unavailable";
}
