using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.IntegrationTests.Services;

public sealed class MetricCatalogTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Create_stores_the_definition_and_Hebrew_and_Russian_names_round_trip_unchanged()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var created = await scope.BackSquatAsync();

        await using var reader = new ServiceScope(database.ConnectionString);
        var read = await reader.Catalog.GetAsync(created.Id);
        Assert.Equal(created.Slug, read.Slug);
        Assert.Equal(Catalogue.BackSquatName, read.Name);
        Assert.Equal(MetricUnit.Kilogram, read.Unit);
        Assert.Equal(MetricKind.OneRepMax, read.Kind);
        Assert.Equal("1RM סקוואט", await database.ScalarAsync<string>("SELECT name_i18n->>'he' FROM metric_definitions WHERE id = $1", created.Id.Value));
        Assert.Equal("1ПМ присед", await database.ScalarAsync<string>("SELECT name_i18n->>'ru' FROM metric_definitions WHERE id = $1", created.Id.Value));
    }

    [Fact]
    public async Task Create_with_a_taken_slug_is_a_conflict_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var existing = await scope.BackSquatAsync();
        var before = await database.CountAsync("metric_definitions");

        var error = await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Catalog.CreateAsync(new CatalogEntry(existing.Slug, LocalizedName.Of("en", "Other"), MetricUnit.Pound, MetricKind.OneRepMax)));

        Assert.Contains(existing.Slug.Value, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.CountAsync("metric_definitions"));
    }

    [Fact]
    public async Task Create_with_a_name_lacking_the_default_language_is_rejected_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var before = await database.CountAsync("metric_definitions");
        var hebrewOnly = LocalizedName.Of("he", "סקוואט");

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.Catalog.CreateAsync(new CatalogEntry(Catalogue.UniqueSlug("squat"), hebrewOnly, MetricUnit.Kilogram, MetricKind.OneRepMax)));

        Assert.Equal("Name", error.ParameterName);
        Assert.Contains("'en'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.CountAsync("metric_definitions"));
    }

    [Fact]
    public async Task Create_with_a_unit_the_kind_does_not_allow_is_rejected_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var before = await database.CountAsync("metric_definitions");

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.Catalog.CreateAsync(new CatalogEntry(Catalogue.UniqueSlug("deadlift_1rm"), LocalizedName.Of("en", "Deadlift"), MetricUnit.Second, MetricKind.OneRepMax)));

        Assert.Equal("unit", error.ParameterName);
        Assert.Equal(MetricUnit.Second, error.AttemptedValue);
        Assert.Equal(before, await database.CountAsync("metric_definitions"));
    }

    [Fact]
    public async Task Rename_and_describe_persist()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var definition = await scope.BackSquatAsync();
        var renamed = LocalizedName.Create([new("en", "Back squat 1RM"), new("he-IL", "סקוואט אחורי")]);

        await scope.Catalog.RenameAsync(definition.Id, renamed);
        await scope.Catalog.DescribeAsync(definition.Id, "  Heaviest single, high bar or low bar.  ");

        await using var reader = new ServiceScope(database.ConnectionString);
        var read = await reader.Catalog.GetAsync(definition.Id);
        Assert.Equal(renamed, read.Name);
        Assert.Equal("סקוואט אחורי", read.Name.Resolve("he-IL"));
        Assert.Equal("Heaviest single, high bar or low bar.", read.Description);
    }

    [Fact]
    public async Task Rename_of_an_unknown_definition_is_not_found()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var id = MetricDefinitionId.New();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Catalog.RenameAsync(id, LocalizedName.Of("en", "x")));

        Assert.Equal(id, error.Key);
    }

    [Fact]
    public async Task Delete_of_a_definition_used_by_sets_is_a_conflict_that_counts_them_and_deletes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var definition = await scope.BackSquatAsync();
        var organization = await database.AddOrganizationAsync();
        await scope.CreateSetAsync(MetricOwner.ForOrganization(organization), "Strength", [definition.Id]);
        await scope.CreateSetAsync(MetricOwner.ForOrganization(organization), "Benchmarks", [definition.Id]);

        var error = await Assert.ThrowsAsync<MetricConflictException>(() => scope.Catalog.DeleteAsync(definition.Id));

        Assert.Equal($"The metric definition '{definition.Slug}' is used by 2 metric sets and cannot be deleted.", error.Message);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_definitions WHERE id = $1", definition.Id.Value));

        // The host's context stays usable after the refusal.
        await scope.Catalog.DescribeAsync(definition.Id, "still here");
    }

    [Fact]
    public async Task Delete_of_a_definition_with_recorded_values_is_a_conflict()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var definition = await scope.BackSquatAsync();
        var member = await database.AddUserAsync();
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, definition.Id, MetricValue.Of(100, MetricUnit.Kilogram)));

        var error = await Assert.ThrowsAsync<MetricConflictException>(() => scope.Catalog.DeleteAsync(definition.Id));

        Assert.Contains("has recorded member values", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_definitions WHERE id = $1", definition.Id.Value));
    }

    [Fact]
    public async Task Delete_of_an_unused_definition_removes_it()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var definition = await scope.RowTimeAsync();

        await scope.Catalog.DeleteAsync(definition.Id);

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_definitions WHERE id = $1", definition.Id.Value));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Catalog.DeleteAsync(definition.Id));
    }

    [Fact]
    public async Task The_database_refuses_to_delete_a_referenced_definition_even_without_the_service()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var definition = await scope.BackSquatAsync();
        await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Strength", [definition.Id]);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(
            () => database.ExecuteAsync($"DELETE FROM metric_definitions WHERE id = '{definition.Id}'"));

        Assert.Equal("metric_set_definitions_definition_id_fkey", error.ConstraintName);
    }

    [Fact]
    public async Task List_is_ordered_by_slug()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        await scope.RowTimeAsync();
        await scope.BodyFatAsync();

        var slugs = (await scope.Catalog.ListAsync()).Select(d => d.Slug.Value).ToList();

        Assert.Equal(slugs.Order(StringComparer.Ordinal), slugs);
        Assert.NotEmpty(slugs);
        Assert.Equal(0, scope.Context.ChangeTracker.Entries().Count(e => e.State != EntityState.Unchanged));
    }
}
