namespace MetricSets;

/// <summary>
/// Reads one member's values. Every method takes the <see cref="MetricViewer"/> who asks and applies the access policy:
/// a member sees their own values; staff acting in an organization see its active members' values (under restricted
/// provenance, only those recorded there and the member's self-reports). A refusal is the same
/// <see cref="MetricNotFoundException"/> (<see cref="MetricEntity.Member"/>) as an unknown member.
/// </summary>
/// <remarks>
/// "Latest" is a total order: the greatest <see cref="MetricReading.RecordedAt"/>, ties broken by the greatest id.
/// Values are returned as recorded; convert them with <see cref="MetricValue.ConvertTo"/>. A stored value that cannot
/// be reported (for example, written by another tool with an impossible amount for its unit) is left out rather than
/// failing the read.
/// </remarks>
public interface IMemberMetricReader
{
    /// <summary>Gets the latest value of each definition, in one round trip whatever their number.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="definitionIds">The definitions: at most <see cref="MetricLimits.MaxDefinitionsPerRead"/>.</param>
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
    /// <param name="definitionIds">The definitions: at most <see cref="MetricLimits.MaxDefinitionsPerRead"/>.</param>
    /// <param name="count">How many values per definition: 1 to <see cref="MetricLimits.MaxLastCount"/>.</param>
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
    /// <param name="definitionIds">The definitions: at most <see cref="MetricLimits.MaxDefinitionsPerRead"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The best value by definition; a definition without values, or whose kind has no direction (body composition,
    /// body measurement, heart rate), has no entry.
    /// </returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or a definition does not exist.</exception>
    /// <exception cref="MetricValidationException">Too many definitions.</exception>
    Task<IReadOnlyDictionary<MetricDefinitionId, MetricReading>> GetPersonalBestsAsync(
        MetricViewer viewer, UserId memberId, IReadOnlyCollection<MetricDefinitionId> definitionIds, CancellationToken cancellationToken = default);

    /// <summary>Gets a page of one definition's values within a time range, oldest first, for charts.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="query">The member, the definition, the range, the page size and the cursor.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="MetricNotFoundException">The viewer may not read the member, or the definition does not exist.</exception>
    /// <exception cref="MetricValidationException">
    /// The page size is out of range, or the cursor is not one this library issued for the same query.
    /// </exception>
    Task<MetricPage<MetricReading>> GetHistoryAsync(MetricViewer viewer, MetricHistoryQuery query, CancellationToken cancellationToken = default);
}
