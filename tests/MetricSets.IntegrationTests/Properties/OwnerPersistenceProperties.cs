using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MetricSets.IntegrationTests.TestUtilities;
using Npgsql;

namespace MetricSets.IntegrationTests.Properties;

/// <summary>The owner invariant holds end to end: through the service and the database, and against raw SQL.</summary>
public sealed class OwnerPersistenceProperties(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Arbitrary<MetricOwnerKind> Kinds = Gen.Elements(Enum.GetValues<MetricOwnerKind>()).ToArbitrary();

    private static readonly Arbitrary<(bool Member, bool Workout, bool Organization)> OwnerColumns =
        Gen.Elements(
            (false, false, false), (true, false, false), (false, true, false), (false, false, true),
            (true, true, false), (true, false, true), (false, true, true), (true, true, true)).ToArbitrary();

    [Property(MaxTest = 30)]
    public Property Every_owner_round_trips_through_the_database_with_exactly_one_owner_column() =>
        Prop.ForAll(Kinds, kind =>
        {
            var owner = CreateOwnerAsync(kind).GetAwaiter().GetResult();
            var set = RoundTripAsync(owner).GetAwaiter().GetResult();
            var nonNullOwnerColumns = database.ScalarAsync<int>(
                "SELECT num_nonnulls(member_user_id, workout_id, organization_id) FROM metric_sets WHERE id = $1", set.Id.Value)
                .GetAwaiter().GetResult();
            return set.Owner == owner && set.Owner.Kind == kind && nonNullOwnerColumns == 1;
        });

    [Property(MaxTest = 40)]
    public Property The_database_accepts_a_raw_insert_only_with_exactly_one_owner() =>
        Prop.ForAll(OwnerColumns, columns =>
        {
            var ownerCount = (columns.Member ? 1 : 0) + (columns.Workout ? 1 : 0) + (columns.Organization ? 1 : 0);
            var error = RawInsertAsync(columns).GetAwaiter().GetResult();
            return ownerCount == 1
                ? error is null
                : error is { SqlState: PostgresErrorCodes.CheckViolation, ConstraintName: "metric_sets_owner_exclusive_chk" };
        });

    private async Task<MetricOwner> CreateOwnerAsync(MetricOwnerKind kind) => kind switch
    {
        MetricOwnerKind.Member => MetricOwner.ForMember(await database.AddUserAsync()),
        MetricOwnerKind.Workout => MetricOwner.ForWorkout(await database.AddWorkoutAsync()),
        _ => MetricOwner.ForOrganization(await database.AddOrganizationAsync()),
    };

    private async Task<MetricSetSnapshot> RoundTripAsync(MetricOwner owner)
    {
        MetricSetId id;
        await using (var writer = new ServiceScope(database.ConnectionString))
        {
            id = (await writer.CreateSetAsync(owner, "Property")).Id;
        }

        await using var reader = new ServiceScope(database.ConnectionString);
        return await reader.Sets.GetAsync(reader.ActorFor(owner), id);
    }

    private async Task<PostgresException?> RawInsertAsync((bool Member, bool Workout, bool Organization) columns)
    {
        object Owner(bool present, Guid id) => present ? id : DBNull.Value;
        var member = (await database.AddUserAsync()).Value;
        var workout = (await database.AddWorkoutAsync()).Value;
        var organization = (await database.AddOrganizationAsync()).Value;
        try
        {
            await database.ScalarAsync<int>(
                "INSERT INTO metric_sets (id, name, member_user_id, workout_id, organization_id) VALUES ($1, 'raw', $2, $3, $4) RETURNING 1",
                Guid.CreateVersion7(),
                Owner(columns.Member, member),
                Owner(columns.Workout, workout),
                Owner(columns.Organization, organization));
            return null;
        }
        catch (PostgresException exception)
        {
            return exception;
        }
    }
}
