namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// The names under which MetricSets reports its traces, metrics and audit log, for a host to subscribe to, as in
/// <c>tracing.AddSource(MetricSetsDiagnostics.ActivitySourceName)</c> and <c>metrics.AddMeter(MetricSetsDiagnostics.MeterName)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every public service call is one span named after its operation (<c>metricsets.record</c>, <c>metricsets.get_history</c>,
/// …) with the tags <c>metricsets.operation</c> and <c>metricsets.outcome</c>, and <c>error.type</c> when it failed. The
/// library's SQL statements are its child spans when the host also listens to Npgsql (<c>AddNpgsql()</c>).
/// </para>
/// <para>
/// Span names and tags and metric tags never carry personal data: no user, member, organization, set, definition or value
/// ids, and no values. The audit log (<see cref="AuditLogCategory"/>) does name the acting user and the member concerned,
/// because that is what an audit trail is for; it never carries values or free text such as names. docs/telemetry.md lists
/// every name, instrument, tag and event id.
/// </para>
/// </remarks>
public static class MetricSetsDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of the library's spans: <c>MetricSets</c>.</summary>
    public const string ActivitySourceName = "MetricSets";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of the library's instruments: <c>MetricSets</c>.</summary>
    public const string MeterName = "MetricSets";

    /// <summary>
    /// The logging category of the audit trail (access refusals, writes, conflicts; event ids 1000 to 1099):
    /// <c>MetricSets.Audit</c>.
    /// </summary>
    public const string AuditLogCategory = "MetricSets.Audit";

    /// <summary>
    /// The logging category of the read replica's state (<see cref="MetricSetsOptions.Replicas"/>: the replica failed and
    /// reads went to the primary, or it answers again; event ids 1100 to 1199): <c>MetricSets.Replicas</c>.
    /// </summary>
    public const string ReplicaLogCategory = "MetricSets.Replicas";
}
