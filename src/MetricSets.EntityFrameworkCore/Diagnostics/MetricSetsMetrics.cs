using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The instruments of the <c>MetricSets</c> meter, created once per service provider through its
/// <see cref="IMeterFactory"/> (so two hosts in one process, or two tests, never see each other's measurements).
/// </summary>
/// <remarks>No tag carries personal data or a value: operations, outcomes, modes and codes only.</remarks>
internal sealed class MetricSetsMetrics
{
    /// <summary>OpenTelemetry's advice for database operation durations (<c>db.client.operation.duration</c>), in seconds.</summary>
    private static readonly IReadOnlyList<double> DurationBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _alreadyRecorded;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _readsRouted;

    public MetricSetsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(MetricSetsDiagnostics.MeterName) { Version = MetricSetsActivitySource.Version });
        _duration = meter.CreateHistogram(
            "metricsets.operation.duration",
            unit: "s",
            description: "Duration of MetricSets service calls.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _recorded = meter.CreateCounter<long>("metricsets.values.recorded", "{value}", "Member metric values recorded.");
        _alreadyRecorded = meter.CreateCounter<long>(
            "metricsets.values.already_recorded", "{value}", "Member metric values sent again under an id already recorded with the same content (idempotent replays); nothing was written.");
        _refusals = meter.CreateCounter<long>("metricsets.access.refusals", "{refusal}", "Access requests the access policy refused.");
        _conflicts = meter.CreateCounter<long>("metricsets.conflicts", "{conflict}", "Calls that conflicted with the stored state.");
        _readsRouted = meter.CreateCounter<long>(
            "metricsets.reads.routed", "{read}", "Reads of member values, sets and leaderboards with a replica configured, by where they ran and why.");
    }

    /// <summary>Records how long a call took and how it ended.</summary>
    public void CallEnded(MetricSetsOperation operation, CallOutcome outcome, TimeSpan elapsed)
    {
        if (!_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { { TagNames.Operation, operation.Name }, { TagNames.Outcome, outcome.Name } };
        if (outcome.ErrorType is { } errorType)
        {
            tags.Add(TagNames.ErrorType, errorType);
        }

        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts values written (<paramref name="recorded"/>) and values found already recorded (<paramref name="replayed"/>).</summary>
    public void Recorded(string mode, long recorded, long replayed)
    {
        var tag = new KeyValuePair<string, object?>(TagNames.RecordingMode, mode);
        if (recorded > 0)
        {
            _recorded.Add(recorded, tag);
        }

        if (replayed > 0)
        {
            _alreadyRecorded.Add(replayed, tag);
        }
    }

    /// <summary>Counts a refusal of the access policy.</summary>
    public void Refused(MetricOperation operation, ViewerRole role, string reason) =>
        _refusals.Add(
            1,
            new KeyValuePair<string, object?>(TagNames.AccessOperation, SnakeCaseName<MetricOperation>.Of(operation)),
            new KeyValuePair<string, object?>(TagNames.ViewerRole, SnakeCaseName<ViewerRole>.Of(role)),
            new KeyValuePair<string, object?>(TagNames.AccessReason, reason));

    /// <summary>Counts a call that ended in a conflict.</summary>
    public void Conflicted(MetricSetsOperation operation, MetricErrorCode code) =>
        _conflicts.Add(
            1,
            new KeyValuePair<string, object?>(TagNames.Operation, operation.Name),
            new KeyValuePair<string, object?>(TagNames.ErrorType, SnakeCaseName<MetricErrorCode>.Of(code)));

    /// <summary>Counts a read that ran on <paramref name="target"/>, for <paramref name="reason"/> when it is the primary.</summary>
    public void ReadRouted(string target, string? reason)
    {
        var tags = new TagList { { TagNames.ReadTarget, target } };
        if (reason is not null)
        {
            tags.Add(TagNames.ReadReason, reason);
        }

        _readsRouted.Add(1, tags);
    }
}
