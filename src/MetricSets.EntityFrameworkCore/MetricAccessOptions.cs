namespace MetricSets.EntityFrameworkCore;

/// <summary>The access policy's options, at <see cref="MetricSetsOptions.Access"/>.</summary>
public sealed class MetricAccessOptions
{
    /// <summary>
    /// Gets or sets whether the library's default rules decide alongside the host's <see cref="IMetricAccessHandler"/>s:
    /// a member reads and records their own values; confirmed staff of an organization read and record its active
    /// members' values; sets are seen and managed inside their owner's organization. <see langword="true"/> by default;
    /// with <see langword="false"/> only the host's handlers grant anything (and without any, nothing is allowed).
    /// </summary>
    public bool UseDefaultRules { get; set; } = true;

    /// <summary>
    /// Gets the sources a member may record their own values with: <c>self_report</c> by default. Staff record with any
    /// source except <c>self_report</c>, which means the member entered the value. Add, for example, <c>wearable_sync</c>
    /// when members' devices sync for them.
    /// </summary>
    public ICollection<MetricSource> MemberSources { get; } = new HashSet<MetricSource> { MetricSource.SelfReport };
}
