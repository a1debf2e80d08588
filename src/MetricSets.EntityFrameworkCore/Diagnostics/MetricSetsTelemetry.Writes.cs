namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>The audit of writes (events 1001–1006) and the recording counters.</summary>
internal sealed partial class MetricSetsTelemetry
{
    /// <summary>The <c>metricsets.recording.mode</c> of <c>RecordAsync</c>.</summary>
    public const string SingleMode = "single";

    /// <summary>The <c>metricsets.recording.mode</c> of <c>RecordManyAsync</c>.</summary>
    public const string BulkMode = "bulk";

    /// <summary>Audits and counts one recorded value, or counts its idempotent replay (which wrote nothing).</summary>
    public void Recorded(MetricViewer actor, MetricReading reading, bool replayed)
    {
        metrics.Recorded(SingleMode, recorded: replayed ? 0 : 1, replayed: replayed ? 1 : 0);
        if (!replayed)
        {
            MetricSetsAuditLog.ValueRecorded(_audit, actor.UserId, reading.Id, reading.DefinitionId, reading.MemberId, reading.Source?.Code, reading.RecordedIn);
        }
    }

    /// <summary>Audits and counts a bulk recording.</summary>
    public void RecordedInBulk(MetricViewer actor, RecordManyResult result)
    {
        metrics.Recorded(BulkMode, result.Recorded, result.AlreadyRecorded);
        if (result.Total > 0)
        {
            MetricSetsAuditLog.ValuesRecordedInBulk(_audit, actor.UserId, result.Recorded, result.Total, result.AlreadyRecorded);
        }
    }

    /// <summary>Audits a deleted value; <paramref name="allowed"/> is the deletion the policy allowed, which names the value's member.</summary>
    public void ValueDeleted(MetricViewer actor, MemberMetricId id, MetricAccessRequest? allowed) =>
        MetricSetsAuditLog.ValueDeleted(_audit, actor.UserId, id, allowed?.Member, allowed?.Source?.Code, allowed?.RecordedIn);

    /// <summary>Audits a change of a metric set: <c>created</c>, <c>renamed</c>, <c>definition_added</c>, … .</summary>
    public void SetChanged(MetricViewer actor, MetricSetId id, string change) => MetricSetsAuditLog.SetChanged(_audit, actor.UserId, id, change);

    /// <summary>Audits a change of a metric definition: <c>created</c>, <c>renamed</c>, <c>described</c>, <c>deleted</c>.</summary>
    public void DefinitionChanged(MetricDefinitionId id, string change) => MetricSetsAuditLog.DefinitionChanged(_audit, id, change);

    /// <summary>Audits definitions added by <c>EnsureAsync</c>, when there were any.</summary>
    public void CatalogEnsured(int added)
    {
        if (added > 0)
        {
            MetricSetsAuditLog.CatalogEnsured(_audit, added);
        }
    }
}
