namespace MetricSets;

/// <summary>
/// Creates and edits metric sets: named, ordered groups of definitions owned by a member, a workout or an organization.
/// </summary>
/// <remarks>
/// <para>
/// Every method takes the <see cref="MetricViewer"/> acting. Organization- and workout-owned sets are visible only inside
/// their organization and managed by its staff; member-owned sets are visible to and managed by the member and the staff of
/// organizations the member belongs to. A set (or owner) the actor may not see or manage answers exactly like one that
/// does not exist: <see cref="MetricNotFoundException"/>.
/// </para>
/// <para>
/// Reads return <see cref="MetricSetSnapshot"/>s: the methods of this service are the only way to change a set. Writes are
/// statements of the implementation's own (never a host unit of work's pending changes), made atomically; when one
/// throws a <see cref="MetricSetsException"/>, nothing was written.
/// </para>
/// </remarks>
public interface IMetricSetService
{
    /// <summary>Creates a set for <paramref name="owner"/>, optionally with definitions in the given order.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="owner">The member, workout or organization that owns the set; it must exist in the host's table.</param>
    /// <param name="name">The set's name.</param>
    /// <param name="definitionIds">Definitions to add, in order; each must exist and appear once.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set as stored.</returns>
    /// <exception cref="MetricValidationException">The name is blank or too long, or too many definitions are given.</exception>
    /// <exception cref="MetricNotFoundException">The owner or a definition does not exist, or the actor may not manage the owner's sets.</exception>
    /// <exception cref="MetricConflictException">A definition is given twice.</exception>
    Task<MetricSetSnapshot> CreateAsync(
        MetricViewer actor, MetricOwner owner, string name, IEnumerable<MetricDefinitionId>? definitionIds = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a set with its entries in order.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="id">The set.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MetricNotFoundException">No set has that id, or the actor may not see (or manage) it.</exception>
    Task<MetricSetSnapshot> GetAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default);

    /// <summary>Lists the sets of one owner, ordered by name.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The sets, with their entries; empty when the owner has none or the viewer may not see them.</returns>
    Task<IReadOnlyList<MetricSetSnapshot>> ListByOwnerAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken = default);

    /// <summary>Renames a set.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="id">The set.</param>
    /// <param name="name">The new name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set as stored after the change.</returns>
    /// <exception cref="MetricNotFoundException">No set has that id, or the actor may not see (or manage) it.</exception>
    /// <exception cref="MetricValidationException">The name is blank or too long.</exception>
    Task<MetricSetSnapshot> RenameAsync(MetricViewer actor, MetricSetId id, string name, CancellationToken cancellationToken = default);

    /// <summary>Appends a definition to a set.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="id">The set.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set as stored after the change.</returns>
    /// <exception cref="MetricNotFoundException">The set or the definition does not exist.</exception>
    /// <exception cref="MetricConflictException">The set already contains the definition.</exception>
    /// <exception cref="MetricValidationException">The set is full (the host's <c>MaxDefinitionsPerSet</c> option).</exception>
    Task<MetricSetSnapshot> AddDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default);

    /// <summary>Removes a definition from a set and closes the gap.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="id">The set.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set as stored after the change.</returns>
    /// <exception cref="MetricNotFoundException">The set does not exist or does not contain the definition.</exception>
    Task<MetricSetSnapshot> RemoveDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default);

    /// <summary>Moves a definition to a zero-based position in its set.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="id">The set.</param>
    /// <param name="definitionId">The definition.</param>
    /// <param name="newIndex">The new position.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set as stored after the change.</returns>
    /// <exception cref="MetricNotFoundException">The set does not exist or does not contain the definition.</exception>
    /// <exception cref="MetricValidationException"><paramref name="newIndex"/> is outside the set.</exception>
    Task<MetricSetSnapshot> MoveDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, int newIndex, CancellationToken cancellationToken = default);

    /// <summary>Deletes a set and its entries (never the definitions or any recorded value).</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="id">The set.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the set is deleted.</returns>
    /// <exception cref="MetricNotFoundException">No set has that id, or the actor may not see (or manage) it.</exception>
    Task DeleteAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default);
}
