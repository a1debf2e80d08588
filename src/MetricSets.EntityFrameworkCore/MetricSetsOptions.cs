using NodaTime;

namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Run-time options of the MetricSets services, configured through <c>services.AddMetricSets&lt;TContext&gt;(o =&gt; …)</c>
/// and validated when the host starts.
/// </summary>
public sealed class MetricSetsOptions
{
    /// <summary>The largest value <see cref="MaxDefinitionsPerSet"/> may take.</summary>
    public const int MaxDefinitionsPerSetLimit = 1000;

    /// <summary>
    /// Gets or sets the most definitions one metric set may hold: 1 to <see cref="MaxDefinitionsPerSetLimit"/>; 100 by
    /// default. Keeps a set's resolution bounded.
    /// </summary>
    public int MaxDefinitionsPerSet { get; set; } = 100;

    /// <summary>
    /// Gets or sets how far in the future a value's recording time may lie, to absorb clock skew between devices:
    /// zero to one day; five minutes by default. A later time is rejected as a typo.
    /// </summary>
    public Duration MaxFutureSkew { get; set; } = Duration.FromMinutes(5);
}
