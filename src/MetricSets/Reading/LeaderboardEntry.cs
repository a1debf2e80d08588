namespace MetricSets;

/// <summary>One member's place on a leaderboard.</summary>
/// <remarks>New optional members may be added in later versions; construct instances with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class LeaderboardEntry
{
    /// <summary>Gets the 1-based position; members with equal values get consecutive positions, ordered by member id.</summary>
    public required long Rank { get; init; }

    /// <summary>Gets the value in the requested unit.</summary>
    public required MetricValue Value { get; init; }

    /// <summary>Gets the member's ranked value, as recorded.</summary>
    public required MetricReading Reading { get; init; }

    /// <summary>Gets the member.</summary>
    public UserId MemberId => Reading.MemberId;
}
