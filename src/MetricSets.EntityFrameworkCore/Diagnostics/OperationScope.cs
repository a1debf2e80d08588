using System.Diagnostics;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// One public service call in progress: its span (when someone listens), its start time, and what the access policy and
/// the recorder noted along the way. <see cref="Current"/> flows with the call's execution context, so the policy deep
/// inside a call can mark it refused without being handed anything.
/// </summary>
internal sealed class OperationScope : IDisposable
{
    private static readonly AsyncLocal<OperationScope?> CurrentScope = new();

    private readonly OperationScope? _outer;
    private readonly long _started = Stopwatch.GetTimestamp();

    private OperationScope(MetricSetsOperation operation)
    {
        Operation = operation;
        Activity = MetricSetsActivitySource.Source.StartActivity(operation.SpanName, ActivityKind.Internal);
        Activity?.SetTag(TagNames.Operation, operation.Name);
        _outer = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    /// <summary>Gets the call in progress on this execution context, or <see langword="null"/>.</summary>
    public static OperationScope? Current => CurrentScope.Value;

    /// <summary>Gets the operation.</summary>
    public MetricSetsOperation Operation { get; }

    /// <summary>Gets the call's span, or <see langword="null"/> when no listener wants it.</summary>
    public Activity? Activity { get; }

    /// <summary>Gets a value indicating whether the access policy refused a request during the call.</summary>
    public bool WasRefused { get; private set; }

    /// <summary>Gets a value indicating whether the call found its value already recorded (an idempotent replay).</summary>
    public bool WasReplayed { get; private set; }

    /// <summary>Gets the last request the access policy allowed during the call, or <see langword="null"/>.</summary>
    public MetricAccessRequest? LastAllowed { get; private set; }

    /// <summary>Gets how long the call has taken so far.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Begins a call of <paramref name="operation"/> and makes it <see cref="Current"/>.</summary>
    public static OperationScope Begin(MetricSetsOperation operation) => new(operation);

    /// <summary>
    /// Marks the current call as having found its value already recorded, and returns <paramref name="reading"/>: the
    /// recorder's one hook, written around the value it returns.
    /// </summary>
    public static T Replayed<T>(T reading)
    {
        if (Current is { } scope)
        {
            scope.WasReplayed = true;
        }

        return reading;
    }

    /// <summary>Notes that the access policy allowed <paramref name="request"/>.</summary>
    public void Allowed(MetricAccessRequest request) => LastAllowed = request;

    /// <summary>Notes that the access policy refused a request.</summary>
    public void Refused() => WasRefused = true;

    /// <summary>Stops the span and restores the outer call as <see cref="Current"/>.</summary>
    public void Dispose()
    {
        Activity?.Dispose();
        CurrentScope.Value = _outer;
    }
}
