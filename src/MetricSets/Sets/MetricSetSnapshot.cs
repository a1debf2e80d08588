namespace MetricSets;

/// <summary>
/// A metric set as a read returns it: its id, name, owner and definitions in order, at the time of the read. A snapshot
/// changes nothing when kept or passed around; <c>IMetricSetService</c> is the only way to change a set, through the
/// access policy.
/// </summary>
/// <remarks>New optional members may be added in later versions; construct instances with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricSetSnapshot
{
    /// <summary>Gets the set's id.</summary>
    public required MetricSetId Id { get; init; }

    /// <summary>Gets the set's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the party the set belongs to.</summary>
    public required MetricOwner Owner { get; init; }

    /// <summary>Gets the set's definitions, in order.</summary>
    public required IReadOnlyList<MetricDefinitionId> DefinitionIds { get; init; }

    /// <summary>Returns a snapshot of <paramref name="set"/> as it is now.</summary>
    /// <param name="set">The set.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is <see langword="null"/>.</exception>
    public static MetricSetSnapshot Of(MetricSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new MetricSetSnapshot { Id = set.Id, Name = set.Name, Owner = set.Owner, DefinitionIds = set.DefinitionIds };
    }

    /// <summary>Returns the set for logs, for example <c>Strength benchmarks (Organization 0192…, 6 definitions)</c>.</summary>
    /// <returns>The set as text.</returns>
    public override string ToString() => $"{Name} ({Owner}, {DefinitionIds.Count} definitions)";
}
