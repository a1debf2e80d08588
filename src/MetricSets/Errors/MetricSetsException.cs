namespace MetricSets;

/// <summary>
/// The base type of every error MetricSets reports about the caller's data, as opposed to programming errors such as a
/// <see langword="null"/> argument or a comparison across dimensions (which are <see cref="ArgumentException"/>s).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Code"/> says what happened in a form that never changes; map it, not the message, to HTTP status codes
/// and problem-details types. The derived types tell the families apart: <see cref="MetricValidationException"/> (400),
/// <see cref="MetricNotFoundException"/> (404) and <see cref="MetricConflictException"/> (409). When a service throws one,
/// nothing was written.
/// </para>
/// <para>
/// Messages are for developers and logs. They name the caller's own input, never a stored value or a constraint, and
/// never something the caller may not see. <see cref="Exception.InnerException"/> keeps the database error a
/// translation came from, for logs.
/// </para>
/// </remarks>
public abstract class MetricSetsException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="code">The stable code of the error.</param>
    /// <param name="message">The message that says exactly what was wrong.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected MetricSetsException(MetricErrorCode code, string message, Exception? innerException)
        : base(message, innerException) =>
        Code = code;

    /// <summary>Gets the stable code of the error.</summary>
    public MetricErrorCode Code { get; }
}
