namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>Definitions the tests record against, with unique slugs per call so test classes never collide.</summary>
public static class Catalogue
{
    private static int _counter;

    public static LocalizedName BackSquatName { get; } = LocalizedName.Create(
        [new("en", "1RM Back Squat"), new("he", "1RM סקוואט"), new("ru", "1ПМ присед")]);

    public static MetricSlug UniqueSlug(string stem) => MetricSlug.Parse($"{stem}_{Interlocked.Increment(ref _counter)}");

    public static Task<MetricDefinition> BackSquatAsync(this ServiceScope scope) =>
        scope.Catalog.CreateAsync(new CatalogEntry(UniqueSlug("back_squat_1rm"), BackSquatName, MetricUnit.Kilogram, MetricKind.OneRepMax));

    public static Task<MetricDefinition> BodyFatAsync(this ServiceScope scope) =>
        scope.Catalog.CreateAsync(new CatalogEntry(UniqueSlug("body_fat"), LocalizedName.Of("en", "Body fat"), MetricUnit.Percent, MetricKind.BodyComp));

    public static Task<MetricDefinition> RowTimeAsync(this ServiceScope scope) =>
        scope.Catalog.CreateAsync(new CatalogEntry(UniqueSlug("row_2k"), LocalizedName.Of("en", "2k row"), MetricUnit.Second, MetricKind.Time));
}
