namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Whether member metrics remember the organization they were recorded in, and whether staff reads honour it.
/// Chosen in <c>ApplyMetricSets(o =&gt; o.Provenance = …)</c>; <see cref="Restrict"/> by default.
/// </summary>
/// <remarks>
/// Under every setting a reading discloses the organization it was recorded in only to the member and to staff of that
/// organization, never to another gym's staff.
/// </remarks>
public enum MemberMetricProvenance
{
    /// <summary>
    /// The seed's schema exactly, as an explicit opt-out: no extra column, so where a value was recorded is unknown, and
    /// staff of any organization the member belongs to see all of the member's values — including those a coach recorded
    /// at another gym, the cross-organization leak the seed warns about. Choose it only when your members expect their
    /// values to follow them between gyms.
    /// </summary>
    None,

    /// <summary>
    /// Adds the nullable column <c>member_metrics.organization_id</c> and fills it on every write with the organization
    /// the value is recorded in; staff still see all of a member's values, but not where another gym recorded them.
    /// </summary>
    Track,

    /// <summary>
    /// The default. As <see cref="Track"/>, and staff of organization A see only values recorded in A plus the member's
    /// self-reports (source <c>self_report</c>). Latest values, bests, history and leaderboards are computed over the
    /// visible rows only, so A never learns that B holds a newer value. Members always see all of their own values.
    /// Values stored without an organization (recorded before provenance was on, or by other tools) that are not
    /// self-reports are visible to the member only, until the host fills in their organization.
    /// </summary>
    Restrict,
}
