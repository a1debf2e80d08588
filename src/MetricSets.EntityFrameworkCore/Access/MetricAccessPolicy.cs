using MetricSets.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// Decides every access of the library: the default rules (<see cref="DefaultAccessRules"/>, unless the host turned them
/// off) and the host's <see cref="IMetricAccessHandler"/>s. Allowed when one grants and none vetoes; a refusal is logged
/// and counted (<see cref="MetricSetsTelemetry"/>) and thrown as the <see cref="MetricNotFoundException"/> a missing resource produces.
/// </summary>
/// <remarks>
/// Each library call begins an <see cref="AccessCall"/>, which asks the host's directory each question once for the
/// whole call.
/// </remarks>
internal sealed class MetricAccessPolicy(
    IMembershipDirectory directory,
    IEnumerable<IMetricAccessHandler> handlers,
    IOptions<MetricSetsOptions> options,
    MetricSetsTelemetry telemetry)
{
    private readonly IMetricAccessHandler[] _handlers = [.. handlers];

    /// <summary>Begins the access decisions of one library call over a model built with <paramref name="provenance"/>.</summary>
    public AccessCall Begin(MemberMetricProvenance provenance) => new(this, new MemoizedDirectory(directory), provenance);

    /// <summary>Runs every rule on <paramref name="request"/> and reports the decision (a refusal is logged and counted).</summary>
    public async Task<MetricAccessContext> DecideAsync(
        MetricViewer viewer, MetricAccessRequest request, IMembershipDirectory callDirectory, MemberMetricProvenance provenance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var decision = new MetricAccessContext(viewer, request, callDirectory);
        if (options.Value.Access.UseDefaultRules)
        {
            await new DefaultAccessRules(provenance).HandleAsync(decision, cancellationToken).ConfigureAwait(false);
        }

        foreach (var handler in _handlers)
        {
            await handler.HandleAsync(decision, cancellationToken).ConfigureAwait(false);
        }

        if (decision.IsAllowed)
        {
            MetricSetsTelemetry.Allowed(request);
        }
        else
        {
            telemetry.Refused(viewer, request, decision);
        }

        return decision;
    }
}
