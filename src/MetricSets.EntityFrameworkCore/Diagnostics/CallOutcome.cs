namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// How a service call ended, as telemetry reports it: the <c>metricsets.outcome</c> tag and, when it failed, the
/// <c>error.type</c> tag.
/// </summary>
/// <param name="Name">
/// <c>ok</c>, <c>not_found</c>, <c>invalid</c>, <c>conflict</c>, <c>refused</c> (the access policy refused; the caller got
/// the same answer as <c>not_found</c>), <c>cancelled</c> or <c>error</c>.
/// </param>
/// <param name="ErrorType">
/// For a call that threw: the <see cref="MetricErrorCode"/> in snake_case for the library's own errors (<c>not_found</c>,
/// <c>invalid_value</c>, <c>id_in_use</c>, …), otherwise the exception's full type name (<c>Npgsql.NpgsqlException</c>), as
/// OpenTelemetry's <c>error.type</c> asks; <see langword="null"/> for a call that returned.
/// </param>
internal readonly record struct CallOutcome(string Name, string? ErrorType)
{
    /// <summary>Gets the outcome of a call that returned.</summary>
    public static CallOutcome Ok { get; } = new("ok", null);

    /// <summary>Gets the outcome of a call that returned, but with less than asked because the policy refused part of it.</summary>
    public static CallOutcome RefusedButReturned { get; } = new("refused", null);

    /// <summary>Gets a value indicating whether the span is marked as failed: it threw, and was not cancelled.</summary>
    public bool IsFailure => ErrorType is not null && Name != "cancelled";

    /// <summary>Classifies <paramref name="exception"/>; <paramref name="refused"/> tells whether the policy refused during the call.</summary>
    public static CallOutcome Of(Exception exception, bool refused)
    {
        var errorType = exception is MetricSetsException known ? SnakeCaseName<MetricErrorCode>.Of(known.Code) : exception.GetType().FullName ?? "_OTHER";
        var name = exception switch
        {
            OperationCanceledException => "cancelled",

            // A refusal answers like a missing resource on purpose; telemetry tells the two apart for the operator.
            MetricNotFoundException when refused => "refused",
            MetricNotFoundException => "not_found",
            MetricValidationException or ArgumentException => "invalid",
            MetricConflictException => "conflict",
            _ => "error",
        };
        return new CallOutcome(name, errorType);
    }
}
