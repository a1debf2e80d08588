using MetricSets.EntityFrameworkCore.Diagnostics;
using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// Decides every access of the library: the default rules (<see cref="DefaultAccessRules"/>, unless the host turned them
/// off) and the host's <see cref="IMetricAccessHandler"/>s. Allowed when one grants and none vetoes; a refusal is logged
/// and counted (<see cref="MetricSetsTelemetry"/>) and thrown as the <see cref="MetricNotFoundException"/> a missing resource produces.
/// </summary>
/// <remarks>
/// <para>
/// Each library call begins an <see cref="AccessCall"/>, which asks the directory each question once for the whole call.
/// </para>
/// <para>
/// The directory is the host's <see cref="IMembershipDirectory"/> when it registered one, otherwise the mapped
/// memberships (<see cref="MetricSetsOptions.Memberships"/>). With mapped memberships, the reads put the default rules
/// into their own statement (<see cref="StatementAccess"/>) and only the host's handlers run here beforehand.
/// </para>
/// </remarks>
internal sealed class MetricAccessPolicy(
    IServiceProvider services,
    IEnumerable<IMetricAccessHandler> handlers,
    IOptions<MetricSetsOptions> options,
    MetricSetsTelemetry telemetry)
{
    private readonly IMetricAccessHandler[] _handlers = [.. handlers];

    /// <summary>Gets whether the host registered <see cref="IMetricAccessHandler"/>s of its own.</summary>
    public bool HasHostHandlers => _handlers.Length > 0;

    /// <summary>Begins the access decisions of one library call over <paramref name="context"/>.</summary>
    public AccessCall Begin(DbContext context)
    {
        var mapping = options.Value.Memberships;
        var memberships = mapping.IsMapped ? MembershipSql.Of(context.Model, mapping) : null;

        // The host's directory when it registered one; otherwise the mapped memberships answer its questions (for the
        // host's handlers and the decisions made in C#). Not a DI registration of ours: resolving the options from a
        // factory while start-up validation reads them would wait on itself.
        var directory = services.GetService<IMembershipDirectory>()
            ?? (memberships is null
                ? throw new InvalidOperationException(
                    "MetricSets has no membership directory: describe your memberships table with AddMetricSets(o => o.Memberships.UseEntity<…>()) or register an IMembershipDirectory.")
                : new MappedMembershipDirectory(context, memberships));

        // The default rules go into the reads' statements only when the memberships they need are in the same database.
        var rulesInSql = options.Value.Access.UseDefaultRules ? memberships : null;
        return new AccessCall(this, new MemoizedDirectory(directory), ModelSettings.Provenance(context), rulesInSql);
    }

    /// <summary>
    /// Runs the host's handlers on <paramref name="request"/>, and the default rules too unless
    /// <paramref name="defaultRulesInStatement"/> (then the statement applies them); logs nothing.
    /// </summary>
    public async Task<MetricAccessContext> DecideAsync(
        MetricViewer viewer,
        MetricAccessRequest request,
        IMembershipDirectory callDirectory,
        MemberMetricProvenance provenance,
        bool defaultRulesInStatement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var decision = new MetricAccessContext(viewer, request, callDirectory);
        if (options.Value.Access.UseDefaultRules && !defaultRulesInStatement)
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

        return decision;
    }

    /// <summary>Logs and counts a refusal of <paramref name="request"/>, with the handlers' reasons when they vetoed.</summary>
    public void LogRefusal(MetricViewer viewer, MetricAccessRequest request, MetricAccessContext? decision) => telemetry.Refused(viewer, request, decision);
}
