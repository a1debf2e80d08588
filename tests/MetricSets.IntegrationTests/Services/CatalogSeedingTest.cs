using MetricSets.IntegrationTests.TestUtilities;

namespace MetricSets.IntegrationTests.Services;

public sealed class CatalogSeedingTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Seeding_the_standard_catalogue_twice_adds_it_once_and_leaves_edits_alone()
    {
        await using var scope = new ServiceScope(database.ConnectionString);

        var first = await scope.Catalog.EnsureAsync(StandardCatalog.Entries);
        var squat = await scope.Catalog.FindBySlugAsync(MetricSlug.Parse("back_squat_1rm"));
        await scope.Catalog.DescribeAsync(squat!.Id, "Edited by the host");
        await using var again = new ServiceScope(database.ConnectionString);
        var second = await again.Catalog.EnsureAsync(StandardCatalog.Entries);

        Assert.Equal(StandardCatalog.Entries.Count, first);
        Assert.Equal(0, second);
        Assert.Equal("Edited by the host", (await again.Catalog.GetAsync(squat.Id)).Description);
        Assert.Equal("1RM סקוואט אחורי", squat.Name.Resolve("he"));
        Assert.Equal("1ПМ становая тяга", (await again.Catalog.FindBySlugAsync(MetricSlug.Parse("deadlift_1rm")))!.Name.Resolve("ru-RU"));
    }

    [Fact]
    public async Task New_entries_are_added_on_the_next_run()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        await scope.Catalog.EnsureAsync(StandardCatalog.Entries);
        var extra = new CatalogEntry(Catalogue.UniqueSlug("sled_push_distance"), LocalizedName.Of("en", "Sled push"), MetricUnit.Meter, MetricKind.Distance);

        var added = await scope.Catalog.EnsureAsync([.. StandardCatalog.Entries, extra]);

        Assert.Equal(1, added);
        Assert.NotNull(await scope.Catalog.FindBySlugAsync(extra.Slug));
    }

    [Fact]
    public async Task An_invalid_entry_adds_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var before = await database.CountAsync("metric_definitions");
        var good = new CatalogEntry(Catalogue.UniqueSlug("good"), LocalizedName.Of("en", "Good"), MetricUnit.Kilogram, MetricKind.OneRepMax);
        var bad = new CatalogEntry(Catalogue.UniqueSlug("bad"), LocalizedName.Of("he", "רע"), MetricUnit.Kilogram, MetricKind.OneRepMax);

        var error = await Assert.ThrowsAsync<MetricValidationException>(() => scope.Catalog.EnsureAsync([good, bad]));

        Assert.Equal("entries", error.ParameterName);
        Assert.Equal(before, await database.CountAsync("metric_definitions"));
    }
}
