using MetricSets.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// The namespace of IHealthChecksBuilder's own extensions (AddCheck, AddDbContextCheck), so the method is found without a using.
// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>MetricSets extension methods for <see cref="IHealthChecksBuilder"/>.</summary>
public static class MetricSetsHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check of the MetricSets database behind <typeparamref name="TContext"/>: the database answers, and the
    /// library's tables, columns and enum labels are there as the model maps them (it catches a host that forgot to apply
    /// a migration). One statement over pg_catalog per check, on a context from a scope of its own.
    /// </summary>
    /// <typeparam name="TContext">The host's context; its model calls <c>ApplyMetricSets()</c>.</typeparam>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name: <c>metricsets</c> by default.</param>
    /// <param name="failureStatus">
    /// The status reported when the database does not answer or lacks what the model maps; <see langword="null"/> for
    /// <see cref="HealthStatus.Unhealthy"/>.
    /// </param>
    /// <param name="tags">Tags to filter checks by, for example <c>["ready"]</c>.</param>
    /// <param name="timeout">How long the check may take; <see langword="null"/> for no limit of its own.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Reports <see cref="HealthStatus.Healthy"/> when everything matches; the failure status, with a description naming
    /// each missing table, column, enum type or label, when something is missing; and <see cref="HealthStatus.Degraded"/>
    /// when an enum has labels the model does not know (the database is ahead of this build). Column types and columns the
    /// model does not map are not checked.
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks().AddMetricSets&lt;GymDbContext&gt;(tags: ["ready"]);
    /// app.MapHealthChecks("/health");
    /// </code>
    /// </example>
    public static IHealthChecksBuilder AddMetricSets<TContext>(
        this IHealthChecksBuilder builder, string name = "metricsets", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddCheck<MetricSetsHealthCheck<TContext>>(name, failureStatus, tags ?? [], timeout);
    }
}
