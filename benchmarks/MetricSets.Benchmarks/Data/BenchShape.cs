using System.Globalization;

namespace MetricSets.Benchmarks.Data;

/// <summary>
/// The size of one benchmark database: about <paramref name="Rows"/> member_metrics rows with <paramref name="Depth"/>
/// values per member and definition. Every member records all definitions, so members = rows / (definitions × depth).
/// </summary>
/// <param name="Rows">The target row count (the actual count is rounded down to whole members).</param>
/// <param name="Depth">Values per member and definition.</param>
public sealed record BenchShape(int Rows, int Depth)
{
    /// <summary>Gets the number of members.</summary>
    public int Members => Math.Max(1, Rows / (BenchCatalog.Definitions.Count * Depth));

    /// <summary>Gets the number of rows the database holds.</summary>
    public long ActualRows => (long)Members * BenchCatalog.Definitions.Count * Depth;

    /// <summary>Gets the number of members in the organization (the leaderboard's population).</summary>
    public int OrganizationMembers => Math.Min(Members, BenchCatalog.MaxOrganizationMembers);

    /// <summary>Gets the database name, for example <c>bench_1000000_d100</c>.</summary>
    public string DatabaseName => string.Create(CultureInfo.InvariantCulture, $"bench_{Rows}_d{Depth}");

    /// <summary>Gets the member whose values the per-member reads fetch (an organization member).</summary>
    public static Guid ReadMemberId => BenchCatalog.MemberId(0);

    /// <summary>Gets the organization's members.</summary>
    public Guid[] OrganizationMemberIds() => [.. Enumerable.Range(0, OrganizationMembers).Select(BenchCatalog.MemberId)];
}
