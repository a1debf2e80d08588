using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>A small gym for read tests: an organization with a coach, members, and definitions of each direction.</summary>
public sealed class ReadScenario
{
    private ReadScenario(ServiceScope scope) => Scope = scope;

    public ServiceScope Scope { get; }

    public OrganizationId Gym { get; private set; }

    public UserId Coach { get; private set; }

    public MetricDefinition Squat { get; private set; } = null!;

    public MetricDefinition Row { get; private set; } = null!;

    public MetricDefinition BodyFat { get; private set; } = null!;

    public MetricViewer CoachView => MetricViewer.ForStaff(Coach, Gym);

    public Instant Now => Scope.Clock.GetCurrentInstant();

    public static async Task<ReadScenario> CreateAsync(
        DatabaseFixture database,
        MembershipSource memberships = MembershipSource.Directory,
        Action<DbContextOptionsBuilder>? context = null,
        Action<MetricSets.EntityFrameworkCore.MetricSetsOptions>? configure = null)
    {
        var scenario = new ReadScenario(new ServiceScope(database.ConnectionString, configure: configure, context: context, memberships: memberships));
        scenario.Gym = await database.AddOrganizationAsync();
        scenario.Coach = await database.AddUserAsync();
        scenario.Scope.Directory.AddStaff(scenario.Coach, scenario.Gym);
        scenario.Squat = await scenario.Scope.BackSquatAsync();
        scenario.Row = await scenario.Scope.RowTimeAsync();
        scenario.BodyFat = await scenario.Scope.BodyFatAsync();
        return scenario;
    }

    public async Task<UserId> AddMemberAsync(DatabaseFixture database)
    {
        var member = await database.AddUserAsync();
        Scope.Directory.AddMember(member, Gym);
        return member;
    }

    public Task<MetricReading> RecordAsync(UserId member, MetricDefinition definition, decimal amount, MetricUnit unit, Duration ago, MemberMetricId? id = null) =>
        Scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, definition.Id, MetricValue.Of(amount, unit)) { RecordedAt = Now - ago, Id = id });
}
