namespace MetricSets;

/// <summary>
/// A named, ordered group of metric definitions owned by exactly one member, workout or organization, such as
/// "Strength benchmarks" of a gym: the aggregate root of <c>metric_sets</c> and <c>metric_set_definitions</c>.
/// </summary>
/// <remarks>
/// <para>
/// A definition appears at most once. <see cref="Entries"/> are in order; their <see cref="MetricSetEntry.SortOrder"/>s
/// are 0, 1, 2, … after every change made through this type.
/// </para>
/// <para>The name is trimmed, non-empty and at most <see cref="MaxNameLength"/> characters (<c>varchar(255)</c>).</para>
/// </remarks>
public sealed class MetricSet
{
    /// <summary>The longest set name, in characters.</summary>
    public const int MaxNameLength = 255;

    private readonly List<MetricSetEntry> _entries = [];

    // Persistence: the EF Core package maps these three fields to member_user_id, workout_id and organization_id,
    // guarded by the CHECK constraint metric_sets_owner_exclusive_chk. Owner is the only way in or out.
    private Guid? _memberUserId;
    private Guid? _workoutId;
    private Guid? _organizationId;

    /// <summary>Creates an empty metric set.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="owner">The party it belongs to.</param>
    /// <param name="name">Its name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    /// <exception cref="MetricValidationException">The id is empty, or the name is blank or too long.</exception>
    public MetricSet(MetricSetId id, MetricOwner owner, string name)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (id.IsEmpty)
        {
            throw new MetricValidationException(nameof(id), id, "A metric set needs a non-empty id.");
        }

        Id = id;
        Name = ValidateName(name);
        (_memberUserId, _workoutId, _organizationId) = owner.Match<(Guid?, Guid?, Guid?)>(
            member => (member.Value, null, null),
            workout => (null, workout.Value, null),
            organization => (null, null, organization.Value));
    }

    // For EF Core materialization only.
    private MetricSet() => Name = null!;

    /// <summary>Gets the id.</summary>
    public MetricSetId Id { get; private set; }

    /// <summary>Gets the name.</summary>
    public string Name { get; private set; }

    /// <summary>Gets the single owner.</summary>
    public MetricOwner Owner =>
        (_memberUserId, _workoutId, _organizationId) switch
        {
            ({ } member, null, null) => MetricOwner.ForMember(new UserId(member)),
            (null, { } workout, null) => MetricOwner.ForWorkout(new WorkoutId(workout)),
            (null, null, { } organization) => MetricOwner.ForOrganization(new OrganizationId(organization)),

            // Unreachable through this type; the database's CHECK constraint keeps stored rows the same.
            _ => throw new InvalidOperationException($"Metric set {Id} does not have exactly one owner."),
        };

    /// <summary>Gets the entries in order.</summary>
    public IReadOnlyList<MetricSetEntry> Entries => [.. Ordered()];

    /// <summary>Gets the definition ids in order.</summary>
    public IReadOnlyList<MetricDefinitionId> DefinitionIds => [.. Ordered().Select(entry => entry.DefinitionId)];

    /// <summary>Creates an empty metric set with a new id.</summary>
    /// <param name="owner">The party it belongs to.</param>
    /// <param name="name">Its name.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MetricValidationException">The name is blank or too long.</exception>
    public static MetricSet Create(MetricOwner owner, string name) => new(MetricSetId.New(), owner, name);

    /// <summary>Determines whether the set contains <paramref name="definitionId"/>.</summary>
    /// <param name="definitionId">The definition.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(MetricDefinitionId definitionId) => _entries.Exists(entry => entry.DefinitionId == definitionId);

    /// <summary>Renames the set.</summary>
    /// <param name="name">The new name.</param>
    /// <exception cref="MetricValidationException">The name is blank or too long.</exception>
    public void Rename(string name) => Name = ValidateName(name);

    /// <summary>Appends <paramref name="definitionId"/> to the end of the set.</summary>
    /// <param name="definitionId">The definition to add.</param>
    /// <returns>The new entry.</returns>
    /// <exception cref="MetricValidationException"><paramref name="definitionId"/> is empty.</exception>
    /// <exception cref="MetricConflictException">The set already contains the definition.</exception>
    public MetricSetEntry Add(MetricDefinitionId definitionId)
    {
        if (definitionId.IsEmpty)
        {
            throw new MetricValidationException(nameof(definitionId), definitionId, "A metric set entry needs a non-empty definition id.");
        }

        if (Contains(definitionId))
        {
            throw new MetricConflictException(
                MetricErrorCode.DefinitionAlreadyInSet, $"Metric set '{Name}' ({Id}) already contains definition {definitionId}; a definition appears at most once.");
        }

        var ordered = Ordered();
        var entry = new MetricSetEntry(Id, definitionId, ordered.Count);
        _entries.Add(entry);
        Renumber([.. ordered, entry]);
        return entry;
    }

    /// <summary>Removes <paramref name="definitionId"/> from the set and closes the gap.</summary>
    /// <param name="definitionId">The definition to remove.</param>
    /// <exception cref="MetricNotFoundException">The set does not contain the definition.</exception>
    public void Remove(MetricDefinitionId definitionId)
    {
        _entries.Remove(Find(definitionId));
        Renumber(Ordered());
    }

    /// <summary>Moves <paramref name="definitionId"/> to the zero-based position <paramref name="newIndex"/>.</summary>
    /// <param name="definitionId">The definition to move.</param>
    /// <param name="newIndex">Its new position: 0 to the number of entries minus one.</param>
    /// <exception cref="MetricNotFoundException">The set does not contain the definition.</exception>
    /// <exception cref="MetricValidationException"><paramref name="newIndex"/> is out of range.</exception>
    public void Move(MetricDefinitionId definitionId, int newIndex)
    {
        var entry = Find(definitionId);
        if (newIndex < 0 || newIndex >= _entries.Count)
        {
            throw new MetricValidationException(
                nameof(newIndex), newIndex, $"Position {newIndex} is outside metric set '{Name}', which has positions 0 to {_entries.Count - 1}.");
        }

        var ordered = Ordered();
        ordered.Remove(entry);
        ordered.Insert(newIndex, entry);
        Renumber(ordered);
    }

    private MetricSetEntry Find(MetricDefinitionId definitionId) =>
        _entries.Find(entry => entry.DefinitionId == definitionId)
        ?? throw new MetricNotFoundException(MetricEntity.MetricSetEntry, definitionId);

    // Rows written by other tools may share a sort_order (its default is 0); the id breaks such ties deterministically.
    private List<MetricSetEntry> Ordered() => [.. _entries.OrderBy(entry => entry.SortOrder).ThenBy(entry => entry.DefinitionId)];

    private static void Renumber(List<MetricSetEntry> ordered)
    {
        for (var index = 0; index < ordered.Count; index++)
        {
            ordered[index].SortOrder = index;
        }
    }

    private static string ValidateName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new MetricValidationException(nameof(name), name, "A metric set name must not be blank.");
        }

        return trimmed.Length <= MaxNameLength
            ? TextRules.EnsureNoControlCharacters(trimmed, nameof(name), "A metric set name")
            : throw new MetricValidationException(
                nameof(name), name, $"A metric set name is at most {MaxNameLength} characters; this one has {trimmed.Length}.");
    }
}
