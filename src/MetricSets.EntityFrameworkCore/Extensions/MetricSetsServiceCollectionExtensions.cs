using MetricSets;
using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
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
    /// <see cref="ILeaderboardReader"/>) as scoped services over the host's <typeparamref name="TContext"/>, which the
    /// host registers itself with <c>AddDbContext</c>. The host must also say who belongs where — describe its memberships
    /// table (<see cref="MetricSetsOptions.Memberships"/>, so access is decided inside each statement) or register its
    /// <see cref="IMembershipDirectory"/>: there is deliberately no default, and start-up validation fails without either.
    /// </summary>
    /// <typeparam name="TContext">The host's context; its model must call <c>ApplyMetricSets()</c> and its Npgsql options <c>UseMetricSets()</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="MetricSetsOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <remarks>
    /// The options and the wiring of <typeparamref name="TContext"/> are validated when the host starts
    /// (<c>ValidateOnStart</c>), with messages that say what to change. Services the host registered first are kept, so
    /// a host may replace NodaTime's <see cref="IClock"/> (for example with a fake clock in tests).
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
        services.TryAddScoped<IMetricCatalog, MetricCatalog<TContext>>();
        services.TryAddScoped<IMetricSetService, MetricSetService<TContext>>();
        services.TryAddScoped<IMemberMetricRecorder, MemberMetricRecorder<TContext>>();
        services.TryAddScoped<IMemberMetricReader, MemberMetricReader<TContext>>();
        services.TryAddScoped<IMetricSetResolver, MetricSetResolver<TContext>>();
        services.TryAddScoped<ILeaderboardReader, LeaderboardReader<TContext>>();
        services.TryAddScoped<MetricAccessPolicy>();
        services.TryAddSingleton<RecordingRules>();
        services.TryAddSingleton<CursorSeal>();
        return services;
    }
}
