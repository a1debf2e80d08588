namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The membership lookups a statement's <c>access</c> row makes under mapped memberships: only what C# cannot decide from
/// the viewer, the subject of the call and the host handlers' grants alone.
/// </summary>
/// <remarks>
/// Each check is its own statement text, so PostgreSQL plans one or two index probes (as a hand-written <c>EXISTS</c>
/// does) instead of a general decision with every branch in it: planning that general form was most of what authorizing
/// in the statement cost an unprepared read (docs/performance.md).
/// </remarks>
internal enum AccessCheck
{
    /// <summary>No lookup: C# decided (the member themself, a grant of everything, or no rule that could grant).</summary>
    None,

    /// <summary>
    /// The viewer holds a staff role in the organization they act in, and, for a member's values, the member holds a
    /// member role there.
    /// </summary>
    Staff,

    /// <summary>The member, recording for themself in an organization they claim, holds a staff or member role there.</summary>
    Role,
}
