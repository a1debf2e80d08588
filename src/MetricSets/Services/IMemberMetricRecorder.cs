namespace MetricSets;

/// <summary>Records member metric values.</summary>
/// <remarks>
/// <para>
/// The actor is the member (a self-report: a missing source becomes <c>self_report</c>) or staff acting in an organization
/// the member actively belongs to; anyone else gets the same <see cref="MetricNotFoundException"/> as for an unknown
/// member. A member records only the sources the host allows members (<c>MetricSetsOptions.Access.MemberSources</c>,
/// <c>self_report</c> by default) and only the member may use <c>self_report</c>. With recorded-in provenance (the
/// default) the value remembers the organization the actor acts in.
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
    /// The value's unit does not fit the definition, the amount is out of bounds (negative, beyond the kind's plausible
    /// maximum in the dimension's base unit — <see cref="MetricKindExtensions.PlausibleMaximum"/> — or a percentage above
    /// 100), the recording time is further in the future than the host allows (<c>MetricSetsOptions.MaxFutureSkew</c>),
    /// a member used a source members may not, or staff used the source <c>self_report</c>.
    /// </exception>
    /// <exception cref="MetricNotFoundException">
    /// The member or the definition does not exist, or the actor may not record for the member (<see cref="MetricEntity.Member"/>);
    /// the organization the value would be recorded in does not exist, or a member acts in an organization they hold no
    /// role in (<see cref="MetricEntity.Organization"/>).
    /// </exception>
    /// <exception cref="MetricConflictException">The request's id was already used for a different value.</exception>
    Task<MetricReading> RecordAsync(MetricViewer actor, RecordMetricRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records many values at once — thousands to millions, such as a gym's history when it moves to the platform — with
    /// PostgreSQL's binary COPY. All or nothing: every row is validated and the access policy is asked once per distinct
    /// member before anything is written, then all rows are written in one transaction (a savepoint of the host's, when
    /// it has one).
    /// </summary>
    /// <param name="actor">Who records them; the same rules as <see cref="RecordAsync"/> apply to every row.</param>
    /// <param name="requests">The rows, in order; they are read once and held in memory (about 150 bytes a row), so split
    /// imports of many millions into several calls.</param>
    /// <param name="options">Progress reporting; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written when it is cancelled before the commit.</param>
    /// <returns>How many rows were given and how many were recorded (the others repeated values stored under their ids).</returns>
    /// <remarks>
    /// Rows with an <see cref="RecordMetricRequest.Id"/> are idempotent as in <see cref="RecordAsync"/>: importing the same
    /// file again records nothing new. Rows without one get new ids, so repeating such a call records them again.
    /// </remarks>
    /// <exception cref="MetricBatchValidationException">
    /// Rows are invalid (a value the definition refuses, an unknown definition or member, a time in the future, a
    /// self-report by staff, a null row): every bad row is listed with its index and reason, and nothing was written.
    /// </exception>
    /// <exception cref="MetricNotFoundException">The actor may not record for one of the members; nothing was written.</exception>
    /// <exception cref="MetricConflictException">Rows reuse ids already used for different values; nothing was written.</exception>
    Task<RecordManyResult> RecordManyAsync(
        MetricViewer actor, IEnumerable<RecordMetricRequest> requests, RecordManyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes one recorded value — a mistake, or a value that should never have been stored. The delete is hard (there is
    /// no soft delete), authorized by the access policy from who recorded the value and where: by default a member deletes
    /// their own self-reports, and confirmed staff of an organization delete values recorded there of its active members.
    /// </summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="id">The value.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the value is gone.</returns>
    /// <exception cref="MetricNotFoundException">
    /// No value has that id, or the actor may not delete it (the two answer alike, <see cref="MetricEntity.MemberMetric"/>).
    /// </exception>
    Task DeleteAsync(MetricViewer actor, MemberMetricId id, CancellationToken cancellationToken = default);
}
