namespace MetricSets;

/// <summary>One page of a keyset-paged read.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricPage<T>
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="items">The items of this page, in order.</param>
    /// <param name="nextCursor">The cursor of the next page, or <see langword="null"/> on the last page.</param>
    public MetricPage(IReadOnlyList<T> items, string? nextCursor)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        NextCursor = nextCursor;
    }

    /// <summary>Gets the items of this page, in order; empty when there are none.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// Gets the opaque cursor of the next page, or <see langword="null"/> on the last page. Pass it back unchanged with
    /// the same query; it is URL-safe.
    /// </summary>
    public string? NextCursor { get; }
}
