namespace MetricSets;

/// <summary>A definition to add to the catalogue: what <c>IMetricCatalog.CreateAsync</c> and <c>EnsureAsync</c> take.</summary>
/// <remarks>New optional members may be added in later versions, as properties set with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class CatalogEntry
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="slug">The machine identifier; the key that decides whether the entry exists.</param>
    /// <param name="name">The localized name.</param>
    /// <param name="unit">The unit; the kind must allow it.</param>
    /// <param name="kind">What it measures.</param>
    /// <exception cref="ArgumentNullException"><paramref name="slug"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public CatalogEntry(MetricSlug slug, LocalizedName name, MetricUnit unit, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(name);
        Slug = slug;
        Name = name;
        Unit = unit;
        Kind = kind;
    }

    /// <summary>Gets the machine identifier.</summary>
    public MetricSlug Slug { get; }

    /// <summary>Gets the localized name.</summary>
    public LocalizedName Name { get; }

    /// <summary>Gets the unit.</summary>
    public MetricUnit Unit { get; }

    /// <summary>Gets what it measures.</summary>
    public MetricKind Kind { get; }

    /// <summary>Gets an optional description.</summary>
    public string? Description { get; init; }
}
