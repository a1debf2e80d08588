using System.Globalization;

namespace MetricSets;

/// <summary>
/// Thrown when rows of a batch break the model's rules: every bad row is named by its index with what is wrong with it,
/// and nothing of the batch was written. The code is <see cref="MetricErrorCode.InvalidBatch"/>.
/// </summary>
public sealed class MetricBatchValidationException : MetricValidationException
{
    /// <summary>The most errors an exception lists; <see cref="ErrorCount"/> counts them all.</summary>
    public const int MaxListedErrors = 1000;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="parameterName">The name of the batch parameter, for example <c>requests</c>.</param>
    /// <param name="errors">The errors found, in row order; at most <see cref="MaxListedErrors"/> are kept.</param>
    /// <param name="errorCount">How many errors were found in all.</param>
    public MetricBatchValidationException(string parameterName, IEnumerable<MetricBatchError> errors, int errorCount)
        : this(parameterName, [.. (errors ?? throw new ArgumentNullException(nameof(errors))).Take(MaxListedErrors)], errorCount)
    {
    }

    private MetricBatchValidationException(string parameterName, MetricBatchError[] errors, int errorCount)
        : base(MetricErrorCode.InvalidBatch, parameterName, null, Describe(errors, errorCount), innerException: null)
    {
        Errors = errors;
        ErrorCount = Math.Max(errorCount, errors.Length);
    }

    /// <summary>Gets the errors, in row order: all of them, or the first <see cref="MaxListedErrors"/>.</summary>
    public IReadOnlyList<MetricBatchError> Errors { get; }

    /// <summary>Gets how many errors were found in all.</summary>
    public int ErrorCount { get; }

    private static string Describe(MetricBatchError[] errors, int errorCount)
    {
        var shown = errors.Take(5).Select(error => error.ToString());
        var more = Math.Max(errorCount, errors.Length) - Math.Min(errors.Length, 5);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Math.Max(errorCount, errors.Length)} row(s) of the batch are invalid and nothing was written; {string.Join(" ", shown)}{(more > 0 ? $" … and {more} more (see Errors)." : string.Empty)}");
    }
}
