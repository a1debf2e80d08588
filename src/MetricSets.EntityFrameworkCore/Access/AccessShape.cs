namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// What a statement's access part looks like, and nothing about whose it is: the mapped memberships whose default rules it
/// applies (<see langword="null"/> when C# decided), the lookup it makes, and whether the host's handlers granted
/// organizations it must add to. One statement text per shape and call site (<see cref="Key"/>).
/// </summary>
internal readonly record struct AccessShape(MembershipSql? Rules, AccessCheck Check, bool HostGrants)
{
    /// <summary>
    /// Gets a value that tells two shapes' statement texts apart, for caching them: the mapping's key rather than the
    /// mapping itself, so equal mappings (of two service providers over one model) share their statements.
    /// </summary>
    public (string? Rules, AccessCheck Check, bool HostGrants) Key => (Rules?.Key, Check, HostGrants);

    /// <summary>
    /// Gets whether the verdict is the statement's staff check alone (mapped memberships, no host grants): where it held,
    /// it confirmed the viewer's role too, and a statement may filter by it (<see cref="StatementAccess.FilterForMember"/>)
    /// instead of carrying the verdict in an <c>access</c> row.
    /// </summary>
    public bool StaffCheckAlone => Rules is not null && Check == AccessCheck.Staff && !HostGrants;
}
