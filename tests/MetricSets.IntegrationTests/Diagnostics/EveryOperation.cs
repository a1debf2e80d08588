using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// Calls every public operation of the six services once, successfully, as a gym would (a coach and a member), and
/// keeps every id, value and free text it used, so tests can look for them in the telemetry.
/// </summary>
public sealed class EveryOperation
{
    /// <summary>The span names of all the operations, as docs/telemetry.md lists them.</summary>
    public static readonly string[] SpanNames =
    [
        "metricsets.create_definition", "metricsets.ensure_definitions", "metricsets.get_definition", "metricsets.find_definition",
        "metricsets.list_definitions", "metricsets.rename_definition", "metricsets.describe_definition", "metricsets.delete_definition",
        "metricsets.create_set", "metricsets.get_set", "metricsets.list_sets", "metricsets.rename_set", "metricsets.add_set_definition",
        "metricsets.remove_set_definition", "metricsets.move_set_definition", "metricsets.delete_set",
        "metricsets.record", "metricsets.record_many", "metricsets.delete_value",
        "metricsets.get_latest", "metricsets.find_latest", "metricsets.get_last", "metricsets.get_personal_bests", "metricsets.get_history",
        "metricsets.resolve_set", "metricsets.get_leaderboard",
    ];

    private EveryOperation()
    {
    }

    public required UserId Member { get; init; }

    public required MetricViewer Coach { get; init; }

    public required OrganizationId Gym { get; init; }

    public required MetricSetId SetId { get; init; }

    public required IReadOnlyList<MetricDefinitionId> DefinitionIds { get; init; }

    public required IReadOnlyList<MemberMetricId> ValueIds { get; init; }

    /// <summary>Gets every personal or identifying string the scenario used: ids, amounts, names, descriptions.</summary>
    public IEnumerable<string> Secrets =>
        new object[] { Member, Coach.UserId, Gym, SetId }.Concat(DefinitionIds.Cast<object>()).Concat(ValueIds.Cast<object>())
            .Select(secret => secret.ToString()!)
            .Concat(Amounts.Select(amount => amount.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat([SetName, RenamedSetName, Description]);

    public static decimal[] Amounts { get; } = [137.5m, 141.25m, 139.75m];

    public const string SetName = "Maria's goals";

    public const string RenamedSetName = "Maria's spring goals";

    public const string Description = "Heaviest single with a pause at the bottom";

    /// <summary>Runs the operations; every one of them succeeds.</summary>
    public static async Task<EveryOperation> RunAsync(ServiceScope scope, DatabaseFixture database)
    {
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);
        var coach = scope.StaffOf(gym);
        var self = MetricViewer.ForMember(member);

        // The catalogue.
        var squat = await scope.BackSquatAsync();
        await scope.Catalog.EnsureAsync([new CatalogEntry(Catalogue.UniqueSlug("deadlift_1rm"), LocalizedName.Of("en", "Deadlift"), MetricUnit.Kilogram, MetricKind.OneRepMax)]);
        await scope.Catalog.GetAsync(squat.Id);
        await scope.Catalog.FindBySlugAsync(squat.Slug);
        await scope.Catalog.ListAsync();
        await scope.Catalog.RenameAsync(squat.Id, Catalogue.BackSquatName);
        await scope.Catalog.DescribeAsync(squat.Id, Description);
        var bench = await scope.Catalog.CreateAsync(
            new CatalogEntry(Catalogue.UniqueSlug("bench_1rm"), LocalizedName.Of("en", "Bench"), MetricUnit.Kilogram, MetricKind.OneRepMax));
        var spare = await scope.RowTimeAsync();
        await scope.Catalog.DeleteAsync(spare.Id);

        // Sets.
        var set = await scope.Sets.CreateAsync(coach, MetricOwner.ForMember(member), SetName, [squat.Id]);
        await scope.Sets.GetAsync(coach, set.Id);
        await scope.Sets.ListByOwnerAsync(self, MetricOwner.ForMember(member));
        await scope.Sets.RenameAsync(coach, set.Id, RenamedSetName);
        await scope.Sets.AddDefinitionAsync(coach, set.Id, bench.Id);
        await scope.Sets.MoveDefinitionAsync(coach, set.Id, bench.Id, 0);
        await scope.Sets.RemoveDefinitionAsync(coach, set.Id, bench.Id);

        // Values.
        var recorded = await scope.Recorder.RecordAsync(
            coach, new RecordMetricRequest(member, squat.Id, MetricValue.Of(Amounts[0], MetricUnit.Kilogram)) { Source = MetricSource.CoachInput });
        var imported = Enumerable.Range(1, 2)
            .Select(day => new RecordMetricRequest(member, squat.Id, MetricValue.Of(Amounts[day], MetricUnit.Kilogram))
            {
                Id = MemberMetricId.New(),
                RecordedAt = scope.Clock.GetCurrentInstant() - Duration.FromDays(day),
                Source = MetricSource.CoachInput,
            })
            .ToList();
        await scope.Recorder.RecordManyAsync(coach, imported);

        // Reads.
        await scope.Reader.GetLatestAsync(coach, member, [squat.Id]);
        await scope.Reader.FindLatestAsync(self, member, squat.Id);
        await scope.Reader.GetLastAsync(coach, member, [squat.Id], 3);
        await scope.Reader.GetPersonalBestsAsync(self, member, [squat.Id]);
        await scope.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, squat.Id));
        await scope.Resolver.ResolveAsync(coach, new MetricSetResolutionQuery(set.Id, member));
        await scope.Leaderboards.GetLeaderboardAsync(coach, new MetricLeaderboardQuery(gym, squat.Id));

        // Deletes.
        await scope.Recorder.DeleteAsync(coach, recorded.Id);
        await scope.Sets.DeleteAsync(coach, set.Id);

        return new EveryOperation
        {
            Member = member,
            Coach = coach,
            Gym = gym,
            SetId = set.Id,
            DefinitionIds = [squat.Id, bench.Id, spare.Id],
            ValueIds = [recorded.Id, .. imported.Select(request => request.Id!.Value)],
        };
    }
}
