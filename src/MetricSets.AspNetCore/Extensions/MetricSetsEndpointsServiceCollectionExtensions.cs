using MetricSets.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the namespace of AddProblemDetails and AddAuthentication, so that Program.cs needs no using for it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the MetricSets endpoints.</summary>
public static class MetricSetsEndpointsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapMetricSets</c> needs: the options and the default <see cref="IMetricViewerResolver"/>
    /// (<see cref="ClaimsMetricViewerResolver"/>, unless the host registered its own). The library's services and an
    /// <see cref="MetricSets.IMembershipDirectory"/> are registered separately, for example with <c>AddMetricSets&lt;TContext&gt;()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options: the user id claim types, the problem type base, the import size.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddMetricSetsEndpoints(this IServiceCollection services, Action<MetricSetsEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MetricSetsEndpointOptions>()
            .Validate(o => o.UserIdClaimTypes.Count > 0, "MetricSetsEndpointOptions.UserIdClaimTypes must name at least one claim type.")
            .Validate(o => o.MaxImportRows > 0, "MetricSetsEndpointOptions.MaxImportRows must be positive.")
            .Validate(o => Uri.IsWellFormedUriString(o.ProblemTypeBase, UriKind.Absolute), "MetricSetsEndpointOptions.ProblemTypeBase must be an absolute URI.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddScoped<IMetricViewerResolver, ClaimsMetricViewerResolver>();
        services.TryAddSingleton<MetricSetsEndpointsMarker>();
        services.TryAddSingleton<MetricSets.AspNetCore.Endpoints.DefinitionUnits>();
        return services;
    }
}
