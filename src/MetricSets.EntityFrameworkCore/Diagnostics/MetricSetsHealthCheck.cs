using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The health check that <c>AddMetricSets&lt;TContext&gt;()</c> registers: the database answers, and the library's tables,
/// columns and enum labels are there as <typeparamref name="TContext"/>'s model maps them — one statement over pg_catalog,
/// sent once (never retried: a health check reports, it does not wait for the database to come back).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Healthy: everything the model maps is there.</item>
/// <item>The registration's failure status (Unhealthy by default): the database did not answer, or lacks a table, a
/// column, an enum type or a label the model maps — typically a migration that was not applied. The description names
/// each missing object.</item>
/// <item>Degraded: everything is there, but an enum has labels the model does not know — the database is ahead of this
/// build (a newer version's migration ran, for example mid-deployment). The library works, but a value stored with such a
/// label cannot be read by this build.</item>
/// </list>
/// The result's data lists the differences under <c>missing</c> and <c>unexpected</c>.
/// </remarks>
internal sealed class MetricSetsHealthCheck<TContext>(TContext dbContext) : IHealthCheck
    where TContext : DbContext
{
    private static readonly string ContextName = typeof(TContext).Name;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failureStatus = context.Registration.FailureStatus;
        ExpectedSchema expected;
        try
        {
            expected = ExpectedSchema.Of(dbContext);
        }
        catch (InvalidOperationException exception)
        {
            // The model itself is wrong (no ApplyMetricSets(), or no UseMetricSets()): the database was never asked.
            return new HealthCheckResult(failureStatus, $"{ContextName}'s model cannot be checked: {exception.Message}", exception);
        }

        StoredSchema stored;
        try
        {
            stored = await StoredSchema.ReadAsync(dbContext, expected, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failureStatus, $"The database of {ContextName} did not answer: {exception.Message}", exception);
        }

        var difference = SchemaDifference.Of(expected, stored);
        var data = new Dictionary<string, object>
        {
            ["missing"] = difference.Missing,
            ["unexpected"] = difference.Unexpected,
        };
        if (difference.Missing.Count > 0)
        {
            return new HealthCheckResult(
                failureStatus,
                $"The database of {ContextName} lacks what its model maps for MetricSets: {string.Join(", ", difference.Missing)}. "
                + "Apply the pending migration (dotnet ef database update, or Database.MigrateAsync()).",
                data: data);
        }

        return difference.Unexpected.Count > 0
            ? HealthCheckResult.Degraded(
                $"The database of {ContextName} has what its model does not know: {string.Join(", ", difference.Unexpected)}. "
                + "It is ahead of this build (a newer migration ran); values stored with these labels cannot be read until this build is updated.",
                data: data)
            : HealthCheckResult.Healthy($"The MetricSets tables and enums of {ContextName} match its model.", data);
    }
}
