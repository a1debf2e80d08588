using System.Diagnostics;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>The access policy's decisions: each refusal is logged (event 1000), counted, and marked on the call's span.</summary>
internal sealed partial class MetricSetsTelemetry
{
    /// <summary>Reports the policy's <paramref name="decision"/> on <paramref name="request"/>.</summary>
    public void Decided(MetricViewer viewer, MetricAccessRequest request, MetricAccessContext decision)
    {
        var scope = OperationScope.Current;
        if (decision.IsAllowed)
        {
            scope?.Allowed(request);
            return;
        }

        var reason = AccessRefusalReason.Of(decision);
        MetricSetsAuditLog.AccessRefused(
            _audit, request, viewer.Role, decision.FailureReasons.Count > 0 ? string.Join(", ", decision.FailureReasons) : "no rule granted it");
        metrics.Refused(request.Operation, viewer.Role, reason);
        if (scope is null)
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
