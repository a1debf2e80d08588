namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// A statement's access verdict: whether the read was granted, the organizations the grants were made in
/// (<see langword="null"/> for a grant of everything), and the organization where the statement's staff check held, if
/// it made one (so the call need not ask the directory what the check confirmed). The statement returns two booleans,
/// its first two columns (<see cref="Columns"/>); <see cref="StatementAccess.Verdict"/> knows the rest from what it sent.
/// </summary>
internal readonly record struct StatementGrant(bool Granted, Guid[]? GrantedIn, OrganizationId? StaffConfirmedIn = null)
{
    /// <summary>
    /// The columns, for a statement's select list: whether it granted, and whether its membership check held. Booleans,
    /// not the organizations themselves: a row's array column cost the read more than deciding it in C#.
    /// </summary>
    public const string Columns = "access.granted, access.held";

    /// <summary>
    /// The same two columns in a statement whose rows exist only when its check held
    /// (<see cref="StatementAccess.FilterForMember"/>): any row it returns was granted by that check.
    /// </summary>
    public const string Held = "true AS granted, true AS held";

    /// <summary>How many columns the verdict spans; a statement's own columns start there.</summary>
    public const int Count = 2;
}
