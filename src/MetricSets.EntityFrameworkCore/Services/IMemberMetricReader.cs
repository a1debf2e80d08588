using NodaTime;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// Reads one member's values. Every method takes the <see cref="MetricViewer"/> who asks and checks the access policy
/// before it touches member_metrics: a member sees their own values; staff acting in an organization see its active
/// members' values. A refusal is the same <see cref="MetricNotFoundException"/> as an unknown member.
/// </summary>
/// <remarks>
/// "Latest" is a total order: the greatest <see cref="MetricReading.RecordedAt"/>, ties broken by the greatest id.
/// Values are returned as recorded; convert them with <see cref="MetricValue.ConvertTo"/>.
/// </remarks>
public interface IMemberMetricReader
{
    /// <summary>Gets the latest value of each definition, in one round trip whatever their number.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionIds">The definitions: at most <see cref="MaxDefinitions"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The latest value by definition; a definition without values has no entry.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or a definition does not exist.</exception>
    /// <exception cref="MetricValidationException">Too many definitions.</exception>
    Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetLatestAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest value of one definition.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The latest value, or <see langword="null"/> when the member has none.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or the definition does not exist.</exception>
    Task<MetricReading?> FindLatestAsync(MetricViewer viewer, UserId memberId, MetricDefinitionId definitionId, CancellationToken cancellationToken = default);

    /// <summary>Gets the last <paramref name="count"/> values of each definition, newest first (FHIR's <c>$lastn</c>).</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionIds">The definitions: at most <see cref="MaxDefinitions"/>.</param>
    /// <param name="count">How many values per definition: 1 to <see cref="MaxLastCount"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The values by definition; every requested definition has an entry, possibly empty.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or a definition does not exist.</exception>
    /// <exception cref="MetricValidationException"><paramref name="count"/> is out of range, or too many definitions.</exception>
    Task<IReadOnlyDictionary<MetricDefinitionId, IReadOnlyList<MetricReading>>> GetLastAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets each definition's personal best. "Best" follows the kind (<see cref="MetricKindExtensions.BestDirection"/>):
    /// the heaviest one-rep max, the shortest time, the longest distance, the most repetitions, power or energy; values
    /// in different units compare by exact quantity; a tie goes to the value reached first.
    /// </summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionIds">The definitions: at most <see cref="MaxDefinitions"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The best value by definition; a definition without values, or whose kind has no direction (body composition,
    /// body measurement, heart rate), has no entry.
    /// </returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or a definition does not exist.</exception>
    Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetPersonalBestsAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default);

    /// <summary>Gets a page of one definition's values within <paramref name="interval"/>, oldest first, for charts.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="interval">The time range, start inclusive, end exclusive; either end may be open.</param>
    /// <param name="pageSize">Values per page: 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cursor">The previous page's <see cref="MetricPage{T}.NextCursor"/>, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or the definition does not exist.</exception>
    /// <exception cref="MetricValidationException"><paramref name="pageSize"/> is out of range, or the cursor is not one this library issued.</exception>
    Task<MetricPage<MetricReading>> GetHistoryAsync(
        MetricViewer viewer, UserId memberId, MetricDefinitionId definitionId, Interval interval, int pageSize = 100, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>The most definitions one read accepts.</summary>
    public const int MaxDefinitions = 1000;

    /// <summary>The most values per definition <see cref="GetLastAsync"/> returns.</summary>
    public const int MaxLastCount = 100;

    /// <summary>The largest page <see cref="GetHistoryAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;
}
