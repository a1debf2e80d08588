using System.Security.Claims;

namespace MetricSets.AspNetCore;

/// <summary>Options of the endpoints that <c>MapMetricSets</c> maps; set them with <c>AddMetricSetsEndpoints</c>.</summary>
public sealed class MetricSetsEndpointOptions
{
    /// <summary>The base of every problem <c>type</c> URI; the anchor of the error code is appended.</summary>
    public const string DefaultProblemTypeBase = "https://github.com/metricsets/MetricSets/blob/main/docs/problems.md#";

    /// <summary>
    /// Gets the claim types the default <see cref="ClaimsMetricViewerResolver"/> reads the user id from, in order: the
    /// first claim whose value is a GUID wins. Defaults to <see cref="ClaimTypes.NameIdentifier"/> then <c>sub</c>.
    /// </summary>
    public IList<string> UserIdClaimTypes { get; } = [ClaimTypes.NameIdentifier, "sub"];

    /// <summary>
    /// Gets or sets the base of the problem <c>type</c> URIs (<see cref="DefaultProblemTypeBase"/> by default), for a host
    /// that publishes the problem documentation on its own site. The anchor of each code is appended, such as
    /// <c>not-found</c>; see <see cref="MetricSetsProblemTypes"/>.
    /// </summary>
    public string ProblemTypeBase { get; set; } = DefaultProblemTypeBase;

    /// <summary>
    /// Gets or sets the most rows one bulk import request may hold (10,000 by default); the page splits larger files into
    /// several requests. Each row is held in memory while the import runs.
    /// </summary>
    public int MaxImportRows { get; set; } = 10_000;
}
