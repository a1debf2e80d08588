namespace MetricSets;

/// <summary>
/// The global catalogue of metric definitions: the same vocabulary for every organization.
/// </summary>
/// <remarks>
/// The catalogue holds no member data; who may change it is the host's decision (typically platform administrators), so
/// these methods take no viewer. Definitions are returned detached: changing one changes nothing stored. Writes are
/// statements of the implementation's own; when one throws a <see cref="MetricSetsException"/>, nothing was written.
/// </remarks>
public interface IMetricCatalog
{
    /// <summary>Adds a definition to the catalogue.</summary>
    /// <param name="entry">Its slug (unique in the catalogue), localized name (with a text in the catalogue's default
    /// language), unit (which the kind must allow), kind and optional description.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored definition.</returns>
    /// <exception cref="MetricValidationException">The name lacks the default language, or the kind does not allow the unit.</exception>
    /// <exception cref="MetricConflictException">A definition with the slug exists (<see cref="MetricErrorCode.SlugInUse"/>).</exception>
    Task<MetricDefinition> CreateAsync(CatalogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds every entry whose slug is not in the catalogue yet and leaves existing definitions exactly as they are, so it
    /// can run at every start-up: running it twice changes nothing, and entries added to the list later are added.
    /// </summary>
    /// <param name="entries">The entries, for example <see cref="StandardCatalog.Entries"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many entries were added.</returns>
    /// <exception cref="MetricValidationException">An entry's name lacks the default language or its kind does not allow its unit; nothing is added.</exception>
    Task<int> EnsureAsync(IEnumerable<CatalogEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Gets a definition by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="MetricNotFoundException">No definition has that id.</exception>
    Task<MetricDefinition> GetAsync(MetricDefinitionId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a definition by slug.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The definition, or <see langword="null"/> when none has that slug.</returns>
    Task<MetricDefinition?> FindBySlugAsync(MetricSlug slug, CancellationToken cancellationToken = default);

    /// <summary>Lists the whole catalogue, ordered by slug.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The definitions.</returns>
    Task<IReadOnlyList<MetricDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces a definition's localized name.</summary>
    /// <param name="id">The definition.</param>
    /// <param name="name">The new name; it must have a text in the model's default language.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated definition.</returns>
    /// <exception cref="MetricNotFoundException">No definition has that id.</exception>
    /// <exception cref="MetricValidationException">The name lacks the default language.</exception>
    Task<MetricDefinition> RenameAsync(MetricDefinitionId id, LocalizedName name, CancellationToken cancellationToken = default);

    /// <summary>Replaces a definition's description; blank clears it.</summary>
    /// <param name="id">The definition.</param>
    /// <param name="description">The new description.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated definition.</returns>
    /// <exception cref="MetricNotFoundException">No definition has that id.</exception>
    Task<MetricDefinition> DescribeAsync(MetricDefinitionId id, string? description, CancellationToken cancellationToken = default);

    /// <summary>Deletes a definition that no metric set uses and no value is recorded against.</summary>
    /// <param name="id">The definition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the definition is deleted.</returns>
    /// <exception cref="MetricNotFoundException">No definition has that id.</exception>
    /// <exception cref="MetricConflictException">Metric sets use it or values are recorded against it; the message says how many sets.</exception>
    Task DeleteAsync(MetricDefinitionId id, CancellationToken cancellationToken = default);
}
