namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Whether member metrics remember the organization they were recorded in, and whether staff reads honour it.
/// Chosen in <c>ApplyMetricSets(o =&gt; o.Provenance = …)</c>.
/// </summary>
public enum MemberMetricProvenance
{
    /// <summary>
    /// The seed's design, and the default: no extra column; values follow the person, so staff of any organization the
    /// member belongs to see all of the member's values.
    /// </summary>
    None,

    /// <summary>
    /// Adds the nullable column <c>member_metrics.organization_id</c> and fills it on every write with the organization
    /// the value is recorded in; reads are unchanged.
    /// </summary>
    Track,

    /// <summary>
    /// As <see cref="Track"/>, and staff of organization A see only values recorded in A plus the member's self-reports
    /// (source <c>self_report</c>). Latest values, bests, history and leaderboards are computed over the visible rows
    /// only, so A never learns that B holds a newer value. Members always see all of their own values.
    /// </summary>
    Restrict,
}
