namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>Records member metric values.</summary>
/// <remarks>
/// <para>
/// The actor is the member (a self-report: a missing source becomes <c>self_report</c>) or staff acting in an organization
/// the member actively belongs to; anyone else gets the same <see cref="MetricNotFoundException"/> as for an unknown
/// member. Only the member may use the source <c>self_report</c>. With recorded-in provenance the value remembers the
/// actor's organization.
/// </para>
/// <para>
/// Writes call <c>SaveChangesAsync</c> on the host's context. When a call throws a <see cref="MetricSetsException"/>,
/// nothing was written and the context's change tracker is as it was.
/// </para>
/// </remarks>
public interface IMemberMetricRecorder
{
    /// <summary>Records a value.</summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="request">What to record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored value (for a repeated id, the value stored the first time).</returns>
    /// <exception cref="MetricValidationException">
    /// The value's unit does not fit the definition, the amount is out of bounds (negative, or a percentage above 100),
    /// the recording time is further in the future than <see cref="MetricSetsOptions.MaxFutureSkew"/>, or staff used the
    /// source <c>self_report</c>.
    /// </exception>
    /// <exception cref="MetricNotFoundException">The member or the definition does not exist, or the actor may not record for the member.</exception>
    /// <exception cref="MetricConflictException">The request's id was already used for a different value.</exception>
    Task<MemberMetric> RecordAsync(MetricViewer actor, RecordMetricRequest request, CancellationToken cancellationToken = default);
}
