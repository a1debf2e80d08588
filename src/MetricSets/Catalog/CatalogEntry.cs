namespace MetricSets;

/// <summary>A definition to add to the catalogue if its slug is not there yet: the unit of catalogue seeding.</summary>
/// <param name="Slug">The machine identifier; the key that decides whether the entry exists.</param>
/// <param name="Name">The localized name.</param>
/// <param name="Unit">The unit; the kind must allow it.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Description">An optional description.</param>
public sealed record CatalogEntry(MetricSlug Slug, LocalizedName Name, MetricUnit Unit, MetricKind Kind, string? Description = null);
