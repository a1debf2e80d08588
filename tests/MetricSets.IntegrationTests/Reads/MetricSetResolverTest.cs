using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Reads;

public sealed class MetricSetResolverTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Resolves_definitions_in_order_with_localized_names_and_converted_latest_values()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var set = await gym.Scope.CreateSetAsync(MetricOwner.ForOrganization(gym.Gym), "Benchmarks", [gym.Row.Id, gym.Squat.Id, gym.BodyFat.Id]);
        await gym.RecordAsync(member, gym.Squat, 100, MetricUnit.Kilogram, Duration.FromDays(3));
        await gym.RecordAsync(member, gym.Squat, 225, MetricUnit.Pound, Duration.FromDays(1));
        await gym.RecordAsync(member, gym.Row, 7, MetricUnit.Minute, Duration.FromDays(1));

        var resolved = await gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(set.Id, member) { Language = "he-IL", Units = UnitPreference.Imperial });

        Assert.Equal("Benchmarks", resolved.Name);
        Assert.Equal(MetricOwner.ForOrganization(gym.Gym), resolved.Owner);
        Assert.Equal([gym.Row.Id, gym.Squat.Id, gym.BodyFat.Id], resolved.Metrics.Select(m => m.DefinitionId));
        var row = resolved.Metrics[0];
        Assert.Equal(MetricUnit.Second, row.Unit);
        Assert.Equal(MetricValue.Of(420, MetricUnit.Second), row.LatestValue);
        Assert.Equal(MetricValue.Of(7, MetricUnit.Minute), row.Latest?.Value);
        var squat = resolved.Metrics[1];
        Assert.Equal("1RM סקוואט", squat.Name);
        Assert.Equal(MetricUnit.Pound, squat.Unit);
        Assert.Equal(MetricValue.Of(225, MetricUnit.Pound), squat.LatestValue);
        Assert.Null(resolved.Metrics[2].LatestValue);
        Assert.Equal("Body fat", resolved.Metrics[2].Name); // no Hebrew text: falls back to the default language
    }

    [Fact]
    public async Task Metric_preference_converts_pounds_to_kilograms()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var set = await gym.Scope.CreateSetAsync(MetricOwner.ForMember(member), "Mine", [gym.Squat.Id]);
        await gym.RecordAsync(member, gym.Squat, 225, MetricUnit.Pound, Duration.FromDays(1));

        var resolved = await gym.Scope.Resolver.ResolveAsync(MetricViewer.ForMember(member), new MetricSetResolutionQuery(set.Id, member) { Language = "ru", Units = UnitPreference.Metric });

        Assert.Equal(MetricValue.Of(102.0583m, MetricUnit.Kilogram), resolved.Metrics[0].LatestValue);
        Assert.Equal("1ПМ присед", resolved.Metrics[0].Name);
    }

    [Fact]
    public async Task An_empty_set_resolves_to_no_metrics_and_an_unknown_set_is_not_found()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var set = await gym.Scope.CreateSetAsync(MetricOwner.ForOrganization(gym.Gym), "Empty");

        Assert.Empty((await gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(set.Id, member) { Language = "en" })).Metrics);
        var error = await Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(MetricSetId.New(), member) { Language = "en" }));
        Assert.Equal(MetricEntity.MetricSet, error.Entity);
    }

    [Fact]
    public async Task A_viewer_who_may_not_read_the_member_gets_not_found_before_any_value_is_read()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);
        var set = await gym.Scope.CreateSetAsync(MetricOwner.ForOrganization(gym.Gym), "Benchmarks", [gym.Squat.Id]);
        var stranger = await database.AddUserAsync();

        var error = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => gym.Scope.Resolver.ResolveAsync(MetricViewer.ForMember(stranger), new MetricSetResolutionQuery(set.Id, member) { Language = "en" }));

        Assert.Equal(MetricEntity.Member, error.Entity);
    }

    [Fact]
    public async Task A_malformed_language_is_rejected()
    {
        var gym = await ReadScenario.CreateAsync(database);
        var member = await gym.AddMemberAsync(database);

        var error = await Assert.ThrowsAsync<MetricValidationException>(
            () => gym.Scope.Resolver.ResolveAsync(MetricViewer.ForMember(member), new MetricSetResolutionQuery(MetricSetId.New(), member) { Language = "english please" }));

        Assert.Equal("language", error.ParameterName);
    }
}
