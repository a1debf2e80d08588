namespace MetricSets;

/// <summary>What <c>ILeaderboardReader.GetLeaderboardAsync</c> ranks: an organization's members by a definition.</summary>
/// <remarks>New optional members may be added in later versions, as properties set with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricLeaderboardQuery
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="organizationId">The organization whose active members are ranked.</param>
    /// <param name="definitionId">The definition they are ranked by.</param>
    public MetricLeaderboardQuery(OrganizationId organizationId, MetricDefinitionId definitionId)
    {
        OrganizationId = organizationId;
        DefinitionId = definitionId;
    }

    /// <summary>Gets the organization.</summary>
    public OrganizationId OrganizationId { get; }

    /// <summary>Gets the definition.</summary>
    public MetricDefinitionId DefinitionId { get; }

    /// <summary>Gets the order: best first (the kind must have a direction; the default) or latest first.</summary>
    public LeaderboardOrder Order { get; init; } = LeaderboardOrder.BestFirst;

    /// <summary>Gets the entries per page: 1 to <see cref="MetricLimits.MaxPageSize"/>; <see cref="MetricLimits.DefaultLeaderboardPageSize"/> by default.</summary>
    public int PageSize { get; init; } = MetricLimits.DefaultLeaderboardPageSize;

    /// <summary>Gets the previous page's <see cref="MetricPage{T}.NextCursor"/>, or <see langword="null"/> for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Gets the units the values are reported in; the definition's unit by default.</summary>
    public UnitPreference Units { get; init; } = UnitPreference.DefinitionUnit;

    /// <summary>
    /// Gets the sources a ranked value may come from, for example only <c>coach_input</c> to keep self-reports off a
    /// competition board; <see langword="null"/> (the default) for all. At most <see cref="MetricLimits.MaxSourcesPerRead"/>.
    /// Each member is ranked by their most recent value among those sources.
    /// </summary>
    public IReadOnlyCollection<MetricSource>? Sources { get; init; }
}
