using NodaTime;

namespace MetricSets;

/// <summary>What <c>IMemberMetricReader.GetHistoryAsync</c> reads: one member's values of one definition, oldest first.</summary>
/// <remarks>New optional members may be added in later versions, as properties set with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricHistoryQuery
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionId">The definition.</param>
    public MetricHistoryQuery(UserId memberId, MetricDefinitionId definitionId)
    {
        MemberId = memberId;
        DefinitionId = definitionId;
    }

    /// <summary>Gets the member.</summary>
    public UserId MemberId { get; }

    /// <summary>Gets the definition.</summary>
    public MetricDefinitionId DefinitionId { get; }

    /// <summary>Gets the time range, start inclusive, end exclusive; either end may be open. All time by default.</summary>
    public Interval Interval { get; init; } = new(null, null);

    /// <summary>Gets the values per page: 1 to <see cref="MetricLimits.MaxPageSize"/>; <see cref="MetricLimits.DefaultHistoryPageSize"/> by default.</summary>
    public int PageSize { get; init; } = MetricLimits.DefaultHistoryPageSize;

    /// <summary>Gets the previous page's <see cref="MetricPage{T}.NextCursor"/>, or <see langword="null"/> for the first page.</summary>
    public string? Cursor { get; init; }
}
