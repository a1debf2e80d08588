namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// A member's values in the order of the statements' <c>ORDER BY recorded_at, id</c>, for reads that sort their few rows
/// in C# rather than plan an outer sort (docs/performance.md). <see cref="Guid.CompareTo(Guid)"/> orders as PostgreSQL
/// orders <c>uuid</c>, so a cursor taken from the last value continues exactly where the statement's keyset does.
/// </summary>
internal static class ReadingOrder
{
    /// <summary>Oldest first: by time, then by id.</summary>
    public static readonly Comparison<MetricReading> OldestFirst = (x, y) =>
        x.RecordedAt.CompareTo(y.RecordedAt) is var byTime and not 0 ? byTime : x.Id.CompareTo(y.Id);

    /// <summary>Newest first: the reverse of <see cref="OldestFirst"/>.</summary>
    public static readonly Comparison<MetricReading> NewestFirst = (x, y) => OldestFirst(y, x);
}
