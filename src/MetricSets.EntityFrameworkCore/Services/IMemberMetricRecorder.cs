namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>Records member metric values.</summary>
/// <remarks>
/// Writes call <c>SaveChangesAsync</c> on the host's context. When a call throws a <see cref="MetricSetsException"/>,
/// nothing was written and the context's change tracker is as it was.
/// </remarks>
public interface IMemberMetricRecorder
{
    /// <summary>Records a value.</summary>
    /// <param name="request">What to record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored value (for a repeated id, the value stored the first time).</returns>
    /// <exception cref="MetricValidationException">
    /// The value's unit does not fit the definition, the amount is out of bounds (negative, or a percentage above 100),
    /// or the recording time is further in the future than <see cref="MetricSetsOptions.MaxFutureSkew"/>.
    /// </exception>
    /// <exception cref="MetricNotFoundException">The member or the definition does not exist.</exception>
    /// <exception cref="MetricConflictException">The request's id was already used for a different value.</exception>
    Task<MemberMetric> RecordAsync(RecordMetricRequest request, CancellationToken cancellationToken = default);
}
