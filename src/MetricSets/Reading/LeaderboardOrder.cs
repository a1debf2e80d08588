namespace MetricSets;

/// <summary>How a leaderboard ranks each member's most recent value.</summary>
public enum LeaderboardOrder
{
    /// <summary>Best first, in the definition kind's direction (heaviest, fastest, longest…), by exact quantity across units.</summary>
    BestFirst,

    /// <summary>Most recently recorded first.</summary>
    LatestFirst,
}
