namespace MetricSets;

/// <summary>
/// Thrown when an input breaks a rule of the model, for example a slug that is not snake_case or a negative mass.
/// </summary>
/// <remarks>
/// <see cref="ParameterName"/> names the offending input and <see cref="AttemptedValue"/> holds it, so a host can
/// point the user at the field to correct. The code is <see cref="MetricErrorCode.InvalidValue"/>.
/// </remarks>
public class MetricValidationException : MetricSetsException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="parameterName">The name of the offending parameter or field.</param>
    /// <param name="attemptedValue">The offending value, as given.</param>
    /// <param name="message">What was wrong with it.</param>
    public MetricValidationException(string parameterName, object? attemptedValue, string message)
        : this(MetricErrorCode.InvalidValue, parameterName, attemptedValue, message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance that keeps the exception it translates.</summary>
    /// <param name="parameterName">The name of the offending parameter or field.</param>
    /// <param name="attemptedValue">The offending value, as given.</param>
    /// <param name="message">What was wrong with it.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public MetricValidationException(string parameterName, object? attemptedValue, string message, Exception? innerException)
        : this(MetricErrorCode.InvalidValue, parameterName, attemptedValue, message, innerException)
    {
    }

    /// <summary>Initializes a new instance of a derived type with its own code.</summary>
    /// <param name="code">The stable code of the error.</param>
    /// <param name="parameterName">The name of the offending parameter or field.</param>
    /// <param name="attemptedValue">The offending value, as given.</param>
    /// <param name="message">What was wrong with it.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    protected MetricValidationException(MetricErrorCode code, string parameterName, object? attemptedValue, string message, Exception? innerException)
        : base(code, message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        ParameterName = parameterName;
        AttemptedValue = attemptedValue;
    }

    /// <summary>Gets the name of the offending parameter or field.</summary>
    public string ParameterName { get; }

    /// <summary>Gets the offending value, as given.</summary>
    public object? AttemptedValue { get; }
}
