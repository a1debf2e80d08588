namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>One page of a keyset-paged read.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in order; empty when there are none.</param>
/// <param name="NextCursor">
/// The opaque cursor of the next page, or <see langword="null"/> on the last page. Pass it back unchanged; it is
/// URL-safe.
/// </param>
public sealed record MetricPage<T>(IReadOnlyList<T> Items, string? NextCursor);
