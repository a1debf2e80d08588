using System.Globalization;

namespace MetricSets.Benchmarks.Data;

/// <summary>
/// The size of one benchmark database: about <paramref name="Rows"/> member_metrics rows with <paramref name="Depth"/>
/// values per member and definition. Every member records all definitions, so members = rows / (definitions × depth).
/// The members are split into organizations of <see cref="OrganizationSizes"/> members, in member order (the rest belong
/// to none).
/// </summary>
/// <param name="Rows">The target row count (the actual count is rounded down to whole members).</param>
/// <param name="Depth">Values per member and definition.</param>
public sealed record BenchShape(int Rows, int Depth)
{
    /// <summary>Gets the number of members.</summary>
    public int Members => Math.Max(1, Rows / (BenchCatalog.Definitions.Count * Depth));

    /// <summary>Gets the number of rows the database holds.</summary>
    public long ActualRows => (long)Members * BenchCatalog.Definitions.Count * Depth;

    /// <summary>
    /// Gets the organizations' sizes, the first being <see cref="BenchCatalog.OrganizationId"/>'s (the one the read
    /// benchmarks use); one organization of up to <see cref="BenchCatalog.DefaultOrganizationMembers"/> by default.
    /// </summary>
    public IReadOnlyList<int> OrganizationSizes { get; init; } = [BenchCatalog.DefaultOrganizationMembers];

    /// <summary>Gets the number of members in the first organization (the leaderboard's population).</summary>
    public int OrganizationMembers => OrganizationSize(0);

    /// <summary>Gets the database name, for example <c>bench_1000000_d100</c>, or <c>bench_7200000_d2_o1000_20000_100000</c>.</summary>
    public string DatabaseName => string.Create(
        CultureInfo.InvariantCulture,
        $"bench_{Rows}_d{Depth}{(OrganizationSizes is [BenchCatalog.DefaultOrganizationMembers] ? string.Empty : "_o" + string.Join('_', OrganizationSizes))}");

    /// <summary>Gets the member whose values the per-member reads fetch (an organization member).</summary>
    public static Guid ReadMemberId => BenchCatalog.MemberId(0);

    /// <summary>Gets the first organization's members.</summary>
    public Guid[] OrganizationMemberIds() => OrganizationMemberIds(0);

    /// <summary>Gets the members of the organization at <paramref name="index"/>.</summary>
    public Guid[] OrganizationMemberIds(int index) =>
        [.. Enumerable.Range(FirstMemberOf(index), OrganizationSize(index)).Select(BenchCatalog.MemberId)];

    /// <summary>Returns the index of the organization the member at <paramref name="member"/> belongs to, or -1.</summary>
    public int OrganizationOf(int member)
    {
        for (var index = 0; index < OrganizationSizes.Count; index++)
        {
            if (member >= FirstMemberOf(index) && member < FirstMemberOf(index) + OrganizationSize(index))
            {
                return index;
            }
        }

        return -1;
    }

    // The organizations take the members in order, each as many as it holds and as remain.
    private int FirstMemberOf(int index) => Math.Min(Members, OrganizationSizes.Take(index).Sum());

    private int OrganizationSize(int index) => Math.Min(OrganizationSizes[index], Members - FirstMemberOf(index));
}
