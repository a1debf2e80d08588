using System.Diagnostics;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>The access policy's decisions: each refusal is logged (event 1000), counted, and marked on the call's span.</summary>
internal sealed partial class MetricSetsTelemetry
{
    /// <summary>Notes that the policy allowed <paramref name="request"/> (a deletion's audit names the value's member from it).</summary>
    public static void Allowed(MetricAccessRequest request) => OperationScope.Current?.Allowed(request);

    /// <summary>
    /// Reports a refusal of <paramref name="request"/>; <paramref name="decision"/> is the handlers' decision, or
    /// <see langword="null"/> when a statement refused by the default rules.
    /// </summary>
    public void Refused(MetricViewer viewer, MetricAccessRequest request, MetricAccessContext? decision)
    {
        var reason = AccessRefusalReason.Of(decision);
        MetricSetsAuditLog.AccessRefused(
            _audit, request, viewer.Role, decision is { FailureReasons.Count: > 0 } ? string.Join(", ", decision.FailureReasons) : "no rule granted it");
        metrics.Refused(request.Operation, viewer.Role, reason);
        if (OperationScope.Current is not { } scope)
        {
            return;
        }

        scope.Refused();
        scope.Activity?.AddEvent(new ActivityEvent(
            "metricsets.access.refused",
            tags: new ActivityTagsCollection
            {
                [TagNames.AccessOperation] = SnakeCaseName<MetricOperation>.Of(request.Operation),
                [TagNames.ViewerRole] = SnakeCaseName<ViewerRole>.Of(viewer.Role),
                [TagNames.AccessReason] = reason,
            }));
    }
}
