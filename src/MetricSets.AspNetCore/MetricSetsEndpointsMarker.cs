namespace MetricSets.AspNetCore;

/// <summary>Registered by <c>AddMetricSetsEndpoints</c>, so that <c>MapMetricSets</c> can tell that it was called.</summary>
internal sealed class MetricSetsEndpointsMarker;
