using System.Diagnostics;
using System.Reflection;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The library's <see cref="ActivitySource"/>, named <see cref="MetricSetsDiagnostics.ActivitySourceName"/>. Static, as
/// OpenTelemetry advises for a library: listeners subscribe by name, and an unheard source costs one check per call.
/// </summary>
internal static class MetricSetsActivitySource
{
    /// <summary>Gets the version reported with the source and the meter: the assembly's informational version.</summary>
    public static string Version { get; } =
        typeof(MetricSetsActivitySource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(MetricSetsActivitySource).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Gets the source.</summary>
    public static ActivitySource Source { get; } = new(MetricSetsDiagnostics.ActivitySourceName, Version);
}
