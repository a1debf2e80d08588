using MetricSets;
using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Diagnostics;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Replicas;
using MetricSets.EntityFrameworkCore.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>MetricSets extension methods for <see cref="IServiceCollection"/>.</summary>
public static class MetricSetsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MetricSets services (<see cref="IMetricCatalog"/>, <see cref="IMetricSetService"/>,
    /// <see cref="IMemberMetricRecorder"/>, <see cref="IMemberMetricReader"/>, <see cref="IMetricSetResolver"/>,
    /// <see cref="ILeaderboardReader"/>, and the scope's <see cref="IMetricReadSession"/>) as scoped services over the host's <typeparamref name="TContext"/>, which the
    /// host registers itself with <c>AddDbContext</c>. The host must also say who belongs where — describe its memberships
    /// table (<see cref="MetricSetsOptions.Memberships"/>, so access is decided inside each statement) or register its
    /// <see cref="IMembershipDirectory"/>: there is deliberately no default, and start-up validation fails without either.
    /// </summary>
    /// <typeparam name="TContext">The host's context; its model must call <c>ApplyMetricSets()</c> and its Npgsql options <c>UseMetricSets()</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="MetricSetsOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <remarks>
    /// <para>
    /// Every call of the services is traced and measured under the names of <see cref="MetricSetsDiagnostics"/>, and
    /// refusals and writes are logged as an audit trail (<see cref="MetricSetsDiagnostics.AuditLogCategory"/>); nothing is
    /// collected unless the host listens. <c>AddMetrics()</c> is called for the <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.
    /// </para>
    /// <para>
    /// The options and the wiring of <typeparamref name="TContext"/> are validated when the host starts
    /// (<c>ValidateOnStart</c>), with messages that say what to change. Services the host registered first are kept, so
    /// a host may replace NodaTime's <see cref="IClock"/> (for example with a fake clock in tests).
    /// </para>
    /// </remarks>
    public static IServiceCollection AddMetricSets<TContext>(this IServiceCollection services, Action<MetricSetsOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MetricSetsOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricSetsOptions>, MetricSetsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricSetsOptions>, MetricSetsModelValidator<TContext>>());
        services.AddLogging();
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddMetrics();
        services.TryAddSingleton<MetricSetsMetrics>();
        services.TryAddSingleton<MetricSetsTelemetry>();
        TryAddInstrumented<IMetricCatalog, MetricCatalog<TContext>>(services, static (inner, telemetry) => new InstrumentedMetricCatalog(inner, telemetry));
        TryAddInstrumented<IMetricSetService, MetricSetService<TContext>>(services, static (inner, telemetry) => new InstrumentedMetricSetService(inner, telemetry));
        TryAddInstrumented<IMemberMetricRecorder, MemberMetricRecorder<TContext>>(services, static (inner, telemetry) => new InstrumentedMemberMetricRecorder(inner, telemetry));
        TryAddInstrumented<IMemberMetricReader, MemberMetricReader<TContext>>(services, static (inner, telemetry) => new InstrumentedMemberMetricReader(inner, telemetry));
        TryAddInstrumented<IMetricSetResolver, MetricSetResolver<TContext>>(services, static (inner, telemetry) => new InstrumentedMetricSetResolver(inner, telemetry));
        TryAddInstrumented<ILeaderboardReader, LeaderboardReader<TContext>>(services, static (inner, telemetry) => new InstrumentedLeaderboardReader(inner, telemetry));
        services.TryAddScoped<ReadSession<TContext>>();
        services.TryAddScoped<IMetricReadSession>(provider => provider.GetRequiredService<ReadSession<TContext>>());
        services.TryAddScoped<ReplicaReads<TContext>>();
        services.TryAddSingleton<ReplicaHealth>();
        services.TryAddScoped<MetricAccessPolicy>();

        services.TryAddSingleton<RecordingRules>();
        services.TryAddSingleton<CursorSeal>();
        return services;
    }

    // The service as the host resolves it: the library's implementation inside its instrumented decorator (spans, metrics,
    // audit log), so the implementations themselves stay free of telemetry.
    private static void TryAddInstrumented<TService, TImplementation>(
        IServiceCollection services, Func<TImplementation, MetricSetsTelemetry, TService> instrument)
        where TService : class
        where TImplementation : class, TService
    {
        services.TryAddScoped<TImplementation>();
        services.TryAddScoped(provider => instrument(provider.GetRequiredService<TImplementation>(), provider.GetRequiredService<MetricSetsTelemetry>()));
    }
}
