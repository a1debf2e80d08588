namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>One member's place on a leaderboard.</summary>
/// <param name="Rank">The 1-based position; members with equal values get consecutive positions, ordered by member id.</param>
/// <param name="MemberId">The member.</param>
/// <param name="Value">The value in the requested unit.</param>
/// <param name="Reading">The member's most recent value, as recorded.</param>
public sealed record LeaderboardEntry(int Rank, UserId MemberId, MetricValue Value, MetricReading Reading);
