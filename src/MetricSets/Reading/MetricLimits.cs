namespace MetricSets;

/// <summary>
/// The limits of the services, in one place: every read and write that takes a count, a page size or a list checks it
/// against these, and a value out of range is a <see cref="MetricValidationException"/> naming the parameter and the limit.
/// </summary>
public static class MetricLimits
{
    /// <summary>The most definitions one read accepts: 1,000.</summary>
    public const int MaxDefinitionsPerRead = 1000;

    /// <summary>The most values per definition <c>IMemberMetricReader.GetLastAsync</c> returns: 100.</summary>
    public const int MaxLastCount = 100;

    /// <summary>The largest page of any paged read (history, leaderboards): 1,000.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The page size of a history read that names none: 100.</summary>
    public const int DefaultHistoryPageSize = 100;

    /// <summary>The page size of a leaderboard read that names none: 20.</summary>
    public const int DefaultLeaderboardPageSize = 20;

    /// <summary>The largest value a host may give <c>MetricSetsOptions.MaxDefinitionsPerSet</c>: 1,000.</summary>
    public const int MaxDefinitionsPerSet = 1000;

    /// <summary>The most sources a leaderboard may be limited to: 20.</summary>
    public const int MaxSourcesPerRead = 20;
}
