using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// Two gyms, A and B, a member of both, a coach of each, and a squat definition, over a database of the given provenance,
/// the memberships told to the library by its directory or mapped from the database.
/// </summary>
public sealed class TwoGyms
{
    public required DatabaseFixture Database { get; init; }

    public required ServiceScope Scope { get; init; }

    public required OrganizationId A { get; init; }

    public required OrganizationId B { get; init; }

    public required UserId Both { get; init; }

    public required MetricViewer CoachA { get; init; }

    public required MetricViewer CoachB { get; init; }

    public required MetricDefinition Squat { get; init; }

    public MetricViewer CoachAView => CoachA;

    public MetricViewer CoachBView => CoachB;

    public static async Task<TwoGyms> CreateAsync(
        MemberMetricProvenance provenance, MembershipSource memberships = MembershipSource.Directory, Action<IServiceCollection>? services = null)
    {
        var database = DatabaseFixture.Attach(await TestServer.CreateDatabaseAsync($"metricsets_{provenance}", provenance));
        var scope = new ServiceScope(database.ConnectionString, provenance: provenance, services: services, memberships: memberships);
        var a = await database.AddOrganizationAsync();
        var b = await database.AddOrganizationAsync();
        var both = await database.AddUserAsync();
        scope.Directory.AddMember(both, a).AddMember(both, b);
        return new TwoGyms
        {
            Database = database,
            Scope = scope,
            A = a,
            B = b,
            Both = both,
            CoachA = scope.StaffOf(a),
            CoachB = scope.StaffOf(b),
            Squat = await scope.BackSquatAsync(),
        };
    }

    public Task<MetricReading> RecordAsync(MetricViewer actor, UserId member, decimal kilograms, Duration ago) =>
        Scope.Recorder.RecordAsync(
            actor,
            new(member, Squat.Id, MetricValue.Of(kilograms, MetricUnit.Kilogram))
            {
                RecordedAt = Scope.Clock.GetCurrentInstant() - ago,
                Source = actor.UserId == member ? null : MetricSource.CoachInput,
            });
}
