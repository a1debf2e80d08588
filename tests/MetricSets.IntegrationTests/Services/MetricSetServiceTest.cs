using MetricSets.IntegrationTests.TestUtilities;

namespace MetricSets.IntegrationTests.Services;

public sealed class MetricSetServiceTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Create_for_each_owner_kind_round_trips_the_owner_and_the_order()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var row = await scope.RowTimeAsync();
        MetricOwner[] owners =
        [
            MetricOwner.ForMember(await database.AddUserAsync()),
            MetricOwner.ForWorkout(await database.AddWorkoutAsync()),
            MetricOwner.ForOrganization(await database.AddOrganizationAsync()),
        ];

        foreach (var owner in owners)
        {
            var created = await scope.CreateSetAsync(owner, "  Benchmarks  ", [row.Id, squat.Id]);

            await using var reader = new ServiceScope(database.ConnectionString);
            var read = await reader.Sets.GetAsync(reader.ActorFor(created.Owner), created.Id);
            Assert.Equal(owner, read.Owner);
            Assert.Equal("Benchmarks", read.Name);
            Assert.Equal([row.Id, squat.Id], read.DefinitionIds);
            var stored = await database.ScalarAsync<int[]>("SELECT array_agg(sort_order ORDER BY sort_order) FROM metric_set_definitions WHERE set_id = $1", created.Id.Value);
            Assert.Equal([0, 1], stored);
        }
    }

    [Fact]
    public async Task Create_for_an_owner_that_does_not_exist_is_not_found_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var before = (await database.CountAsync("metric_sets"), await database.CountAsync("metric_set_definitions"));
        var ghost = OrganizationId.New();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => scope.CreateSetAsync(MetricOwner.ForOrganization(ghost), "Strength", [squat.Id]));

        Assert.Equal(MetricEntity.Organization, error.Entity);
        Assert.Equal(ghost, error.Key);
        Assert.Equal(before, (await database.CountAsync("metric_sets"), await database.CountAsync("metric_set_definitions")));

        // Nothing is left pending in the host's context either: the next save succeeds.
        await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Strength", [squat.Id]);
    }

    [Fact]
    public async Task Create_with_an_unknown_definition_is_not_found_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var before = await database.CountAsync("metric_sets");
        var ghost = MetricDefinitionId.New();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => scope.CreateSetAsync(MetricOwner.ForMember(UserId.New()), "Mine", [ghost]));

        Assert.Equal(ghost, error.Key);
        Assert.Equal(before, await database.CountAsync("metric_sets"));
    }

    [Fact]
    public async Task Create_with_a_definition_twice_is_a_conflict_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var before = await database.CountAsync("metric_sets");

        await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.CreateSetAsync(MetricOwner.ForOrganization(OrganizationId.New()), "Twice", [squat.Id, squat.Id]));

        Assert.Equal(before, await database.CountAsync("metric_sets"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_with_a_blank_name_is_rejected_and_writes_nothing(string name)
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var before = await database.CountAsync("metric_sets");

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.CreateSetAsync(MetricOwner.ForOrganization(OrganizationId.New()), name));

        Assert.Equal("name", error.ParameterName);
        Assert.Equal(before, await database.CountAsync("metric_sets"));
    }

    [Fact]
    public async Task Create_with_more_definitions_than_the_limit_is_rejected_and_writes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString, o => o.MaxDefinitionsPerSet = 1);
        var squat = await scope.BackSquatAsync();
        var row = await scope.RowTimeAsync();
        var organization = await database.AddOrganizationAsync();
        var before = await database.CountAsync("metric_sets");

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => scope.CreateSetAsync(MetricOwner.ForOrganization(organization), "Full", [squat.Id, row.Id]));

        Assert.Contains("the limit is 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.CountAsync("metric_sets"));
    }

    [Fact]
    public async Task Add_remove_and_move_persist_a_gapless_order()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var a = await scope.BackSquatAsync();
        var b = await scope.RowTimeAsync();
        var c = await scope.BodyFatAsync();
        var d = await scope.BackSquatAsync();
        var set = await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Ordered", [a.Id, b.Id]);

        await scope.Sets.AddDefinitionAsync(scope.ActorFor(set.Owner), set.Id, c.Id);
        await scope.Sets.AddDefinitionAsync(scope.ActorFor(set.Owner), set.Id, d.Id);
        await scope.Sets.MoveDefinitionAsync(scope.ActorFor(set.Owner), set.Id, d.Id, 0);
        await scope.Sets.RemoveDefinitionAsync(scope.ActorFor(set.Owner), set.Id, b.Id);

        await using var reader = new ServiceScope(database.ConnectionString);
        var read = await reader.Sets.GetAsync(reader.ActorFor(set.Owner), set.Id);
        Assert.Equal([d.Id, a.Id, c.Id], read.DefinitionIds);
        Assert.Equal(
            [0, 1, 2],
            await ReadSortOrdersAsync(set.Id));
    }

    [Fact]
    public async Task Adding_a_definition_twice_is_a_conflict_and_changes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var set = await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Once", [squat.Id]);

        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Sets.AddDefinitionAsync(scope.ActorFor(set.Owner), set.Id, squat.Id));

        Assert.Equal([0], await ReadSortOrdersAsync(set.Id));
    }

    [Fact]
    public async Task Moving_outside_the_set_is_rejected_and_changes_nothing()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var row = await scope.RowTimeAsync();
        var set = await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Two", [squat.Id, row.Id]);

        var error = await Assert.ThrowsAsync<MetricValidationException>(() => scope.Sets.MoveDefinitionAsync(scope.ActorFor(set.Owner), set.Id, squat.Id, 2));

        Assert.Equal("newIndex", error.ParameterName);
        Assert.Equal(2, error.AttemptedValue);
        await using var reader = new ServiceScope(database.ConnectionString);
        Assert.Equal([squat.Id, row.Id], (await reader.Sets.GetAsync(reader.ActorFor(set.Owner), set.Id)).DefinitionIds);
    }

    [Fact]
    public async Task Removing_a_definition_the_set_lacks_is_not_found()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var set = await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Empty");

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.RemoveDefinitionAsync(scope.ActorFor(set.Owner), set.Id, MetricDefinitionId.New()));
    }

    [Fact]
    public async Task Delete_removes_the_set_and_its_entries_but_not_the_definitions()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var set = await scope.CreateSetAsync(MetricOwner.ForOrganization(await database.AddOrganizationAsync()), "Doomed", [squat.Id]);

        await scope.Sets.DeleteAsync(scope.ActorFor(set.Owner), set.Id);

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_set_definitions WHERE set_id = $1", set.Id.Value));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_definitions WHERE id = $1", squat.Id.Value));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.DeleteAsync(scope.ActorFor(set.Owner), set.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.GetAsync(scope.ActorFor(set.Owner), set.Id));
    }

    [Fact]
    public async Task Deleting_the_owner_in_the_host_table_cascades_to_its_sets()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var workout = await database.AddWorkoutAsync();
        var set = await scope.CreateSetAsync(MetricOwner.ForWorkout(workout), "WOD");

        await database.ExecuteAsync($"DELETE FROM workouts WHERE id = '{workout}'");

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_sets WHERE id = $1", set.Id.Value));
    }

    [Fact]
    public async Task ListByOwner_returns_only_that_owners_sets_by_name()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var mine = MetricOwner.ForOrganization(await database.AddOrganizationAsync());
        var theirs = MetricOwner.ForOrganization(await database.AddOrganizationAsync());
        await scope.CreateSetAsync(mine, "Zeta");
        await scope.CreateSetAsync(mine, "Alpha");
        await scope.CreateSetAsync(theirs, "Beta");

        var names = (await scope.Sets.ListByOwnerAsync(scope.ActorFor(mine), mine)).Select(s => s.Name);

        Assert.Equal(["Alpha", "Zeta"], names);
    }

    private async Task<List<int>> ReadSortOrdersAsync(MetricSetId setId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT sort_order FROM metric_set_definitions WHERE set_id = $1 ORDER BY sort_order", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = setId.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var orders = new List<int>();
        while (await reader.ReadAsync())
        {
            orders.Add(reader.GetInt32(0));
        }

        return orders;
    }
}
