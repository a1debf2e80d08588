using System.Diagnostics;
using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The library's telemetry in one place: each public call as a span with its outcome and duration (this file), the access
/// policy's decisions (<c>MetricSetsTelemetry.Access.cs</c>) and the audit of writes (<c>MetricSetsTelemetry.Writes.cs</c>).
/// The services know nothing of it: instrumented decorators (<c>Instrumented*.cs</c>) wrap them.
/// </summary>
internal sealed partial class MetricSetsTelemetry(MetricSetsMetrics metrics, ILoggerFactory loggerFactory, IOptions<MetricSetsOptions> options)
{
    private readonly ILogger _audit = loggerFactory.CreateLogger(MetricSetsDiagnostics.AuditLogCategory);

    /// <summary>
    /// Runs one public call of <paramref name="operation"/> as a span and a duration measurement; on success,
    /// <paramref name="succeeded"/> audits it inside the span (so the audit event carries the span's trace id).
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="actor">Who acts, named by the conflict event; <see langword="null"/> for the catalogue, which takes no actor.</param>
    /// <param name="call">The call.</param>
    /// <param name="succeeded">Audits the call's result, or <see langword="null"/> for reads.</param>
    /// <remarks>
    /// The call boundary is also where, with <see cref="MetricSetsOptions.RowLevelSecurity"/> on, the actor becomes the
    /// viewer every statement of the call carries (<see cref="RowLevelSecurityViewer"/>).
    /// </remarks>
    public async Task<T> RunAsync<T>(MetricSetsOperation operation, MetricViewer? actor, Func<Task<T>> call, Action<OperationScope, T>? succeeded = null)
    {
        using var viewer = options.Value.RowLevelSecurity && actor is not null ? RowLevelSecurityViewer.Enter(actor) : null;
        using var scope = OperationScope.Begin(operation);
        T result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Failed(scope, actor, exception);
            throw;
        }

        succeeded?.Invoke(scope, result);
        End(scope, scope.WasRefused ? CallOutcome.RefusedButReturned : CallOutcome.Ok);
        return result;
    }

    /// <inheritdoc cref="RunAsync{T}(MetricSetsOperation, MetricViewer?, Func{Task{T}}, Action{OperationScope, T}?)"/>
    public Task RunAsync(MetricSetsOperation operation, MetricViewer? actor, Func<Task> call, Action<OperationScope>? succeeded = null) =>
        RunAsync(
            operation,
            actor,
            async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            },
            succeeded is null ? null : (scope, _) => succeeded(scope));

    private void Failed(OperationScope scope, MetricViewer? actor, Exception exception)
    {
        var outcome = CallOutcome.Of(exception, scope.WasRefused);
        if (exception is MetricConflictException conflict)
        {
            metrics.Conflicted(scope.Operation, conflict.Code);
            MetricSetsAuditLog.WriteConflict(_audit, scope.Operation.Name, outcome.ErrorType!, actor?.UserId.ToString() ?? "none");
        }

        End(scope, outcome);
    }

    // The exception's message is never recorded: it names ids (the member, the set) the caller gave.
    private void End(OperationScope scope, CallOutcome outcome)
    {
        if (scope.Activity is { } activity)
        {
            activity.SetTag(TagNames.Outcome, outcome.Name);
            if (outcome.ErrorType is { } errorType)
            {
                activity.SetTag(TagNames.ErrorType, errorType);
            }

            if (outcome.IsFailure)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome.ErrorType);
            }
        }

        metrics.CallEnded(scope.Operation, outcome, scope.Elapsed);
    }
}
