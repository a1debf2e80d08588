namespace MetricSets;

/// <summary>
/// One rule of the access policy, in the manner of ASP.NET Core's <c>IAuthorizationHandler</c>: it looks at a
/// <see cref="MetricAccessContext"/> and may <see cref="MetricAccessContext.Succeed"/> (let the viewer through, with a
/// grant) or <see cref="MetricAccessContext.Fail"/> (veto), or do nothing.
/// </summary>
/// <remarks>
/// <para>
/// A request is allowed when at least one handler succeeded and none failed. The library's default rules are one
/// handler; register more as scoped services (<c>services.AddScoped&lt;IMetricAccessHandler, CoachAssignmentRule&gt;()</c>)
/// to add rules — a grant for a parent of a junior member, or a veto for a coach who is not assigned to the athlete — or
/// turn the default rules off (<c>MetricSetsOptions.Access.UseDefaultRules</c>) to replace them.
/// </para>
/// <para>
/// Whatever the handlers decide, a refusal answers exactly like a missing resource (<see cref="MetricNotFoundException"/>)
/// and is logged with a stable event id and the failure reason, never with personal data: that is the library's
/// guarantee, not a handler's duty.
/// </para>
/// </remarks>
public interface IMetricAccessHandler
{
    /// <summary>Decides, or abstains, on <paramref name="context"/>'s request.</summary>
    /// <param name="context">The viewer, the request and the membership directory of this call.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <returns>A task that completes when the handler has decided.</returns>
    ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken);
}
