namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// What a statement's access part looks like, and nothing about whose it is: the mapped memberships whose default rules it
/// applies (<see langword="null"/> when C# decided), the lookup it makes, and whether the host's handlers granted
/// organizations it must add to. One statement text per shape and call site (<see cref="Key"/>).
/// </summary>
internal readonly record struct AccessShape(MembershipSql? Rules, AccessCheck Check, bool HostGrants)
{
    /// <summary>Gets a text that tells two shapes apart, for caching the statements written with them.</summary>
    public string Key => Rules is null ? string.Empty : $"{Rules.Key}|{Check}|{HostGrants}";
}
