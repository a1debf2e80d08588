namespace MetricSets;

/// <summary>What is wrong with one row of a batch.</summary>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricBatchError
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="index">The zero-based position of the row in the batch.</param>
    /// <param name="parameterName">The field of the row that is wrong, for example <c>Value</c>.</param>
    /// <param name="message">What is wrong with it.</param>
    public MetricBatchError(int index, string parameterName, string message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Index = index;
        ParameterName = parameterName;
        Message = message;
    }

    /// <summary>Gets the zero-based position of the row in the batch.</summary>
    public int Index { get; }

    /// <summary>Gets the field of the row that is wrong, for example <c>Value</c>.</summary>
    public string ParameterName { get; }

    /// <summary>Gets what is wrong with it.</summary>
    public string Message { get; }

    /// <summary>Returns the error as text, for example <c>row 12 (Value): …</c>.</summary>
    /// <returns>The error as text.</returns>
    public override string ToString() => $"row {Index} ({ParameterName}): {Message}";
}
