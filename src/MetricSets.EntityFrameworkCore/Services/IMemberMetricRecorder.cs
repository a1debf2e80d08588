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
/// Recording is one statement of the library's own on the host context's connection, never its change tracker: nothing
/// stays pending in the context whatever the outcome (success, a typed error, cancellation, a transient failure), and the
/// host's own pending changes are neither saved nor touched. Inside a host transaction the value commits or rolls back
/// with it; otherwise it is committed when the call returns.
/// </para>
/// <para>
/// <b>Idempotency.</b> <see cref="RecordMetricRequest.Id"/> is the idempotency key: recording an id again returns the value
/// stored the first time when the member, definition, amount, unit and source are the same (and the time, when the request
/// sets one); otherwise it is a <see cref="MetricConflictException"/>. A request without an id gets a new one, so
/// repeating it records a second value: give requests an id whenever the caller may retry them (a timeout, a cancelled
/// call, a lost response), because such a call may or may not have recorded the value.
/// </para>
/// <para>
/// <b>Retries.</b> With <c>EnableRetryOnFailure</c> the statement is retried after a transient failure; it is safe to
/// repeat because its id is chosen before the first attempt. Inside a host transaction nothing is retried alone: the
/// transient <c>NpgsqlException</c> (or, under REPEATABLE READ and SERIALIZABLE, a serialization failure when another
/// transaction recorded the same id first) reaches the host, whose transaction must be retried as a whole.
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
    Task<MetricReading> RecordAsync(MetricViewer actor, RecordMetricRequest request, CancellationToken cancellationToken = default);
}
