namespace MetricSets;

/// <summary>
/// One definition's place in a <see cref="MetricSet"/>: a row of <c>metric_set_definitions</c>.
/// </summary>
/// <remarks>Entries are created and reordered only through their <see cref="MetricSet"/>.</remarks>
public sealed class MetricSetEntry
{
    internal MetricSetEntry(MetricSetId setId, MetricDefinitionId definitionId, int sortOrder)
    {
        SetId = setId;
        DefinitionId = definitionId;
        SortOrder = sortOrder;
    }

    /// <summary>Gets the set the entry belongs to.</summary>
    public MetricSetId SetId { get; private set; }

    /// <summary>Gets the definition the entry places.</summary>
    public MetricDefinitionId DefinitionId { get; private set; }

    /// <summary>Gets the zero-based position of the definition in its set.</summary>
    public int SortOrder { get; internal set; }
}
