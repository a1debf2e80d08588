namespace MetricSets;

/// <summary>
/// The base type of every error MetricSets reports about the caller's data, as opposed to programming errors
/// such as a <see langword="null"/> argument (which are <see cref="ArgumentNullException"/>).
/// </summary>
/// <remarks>
/// Catch the derived types to tell situations apart, for example to map them to HTTP status codes:
/// <see cref="MetricValidationException"/> (400), <see cref="MetricNotFoundException"/> (404) and
/// <see cref="MetricConflictException"/> (409). When one is thrown by a service, nothing was written.
/// </remarks>
public abstract class MetricSetsException : Exception
{
    /// <summary>Initializes a new instance with the message that says exactly what was wrong.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected MetricSetsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
