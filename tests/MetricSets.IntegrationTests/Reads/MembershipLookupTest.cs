using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>
/// With mapped memberships, a read's statement looks up only what C# could not decide: nothing for the member themself
/// or for a viewer no default rule can grant, one probe per fact for staff. Counted with PostgreSQL's own statistics of
/// the memberships table inside a host transaction (<c>pg_stat_xact_user_tables</c>), which the library's statement joins.
/// </summary>
public sealed class MembershipLookupTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_members_own_read_does_not_look_up_the_memberships()
    {
        var (gym, member) = await GymAsync();

        var (lookups, latest) = await LookupsAsync(gym, () => gym.Scope.Reader.GetLatestAsync(MetricViewer.ForMember(member, gym.Gym), member, [gym.Squat.Id]));

        Assert.Equal(0, lookups);
        Assert.Equal(105m, latest[gym.Squat.Id].Value.Amount);
    }

    [Fact]
    public async Task A_member_reading_someone_else_is_refused_without_a_lookup()
    {
        var (gym, member) = await GymAsync();
        var other = await gym.AddMemberAsync(database);

        var (lookups, error) = await LookupsAsync(
            gym, () => Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetLatestAsync(MetricViewer.ForMember(other, gym.Gym), member, [gym.Squat.Id])));

        Assert.Equal(0, lookups);
        Assert.Equal(MetricEntity.Member, error.Entity);
    }

    [Fact]
    public async Task A_member_recording_for_someone_else_is_refused_without_a_lookup()
    {
        var (gym, member) = await GymAsync();
        var other = await gym.AddMemberAsync(database);
        var request = new RecordMetricRequest(member, gym.Squat.Id, MetricValue.Of(150m, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput };

        var (lookups, error) = await LookupsAsync(
            gym, () => Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Recorder.RecordAsync(MetricViewer.ForMember(other, gym.Gym), request)));

        Assert.Equal(0, lookups);
        Assert.Equal(MetricEntity.Member, error.Entity);
    }

    [Fact]
    public async Task A_staff_read_probes_the_memberships_once_per_fact()
    {
        var (gym, member) = await GymAsync();

        var (lookups, latest) = await LookupsAsync(gym, () => gym.Scope.Reader.GetLatestAsync(gym.CoachView, member, [gym.Squat.Id]));

        // The coach's staff role and the member's membership, each one index probe.
        Assert.Equal(2, lookups);
        Assert.Equal(105m, latest[gym.Squat.Id].Value.Amount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_staff_resolution_of_the_organizations_set_or_the_members_own_looks_up_only_the_check(bool membersOwn)
    {
        var (gym, member) = await GymAsync();
        var set = membersOwn
            ? await gym.Scope.Sets.CreateAsync(MetricViewer.ForMember(member), MetricOwner.ForMember(member), "Goals", [gym.Squat.Id])
            : await gym.Scope.Sets.CreateAsync(gym.CoachView, MetricOwner.ForOrganization(gym.Gym), "Benchmarks", [gym.Squat.Id]);

        var (lookups, resolved) = await LookupsAsync(gym, () => gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(set.Id, member)));

        // The check that held confirmed what the set's visibility needs (the coach's roles for the organization's set, the
        // member's membership for theirs): nothing is looked up again.
        Assert.Equal(2, lookups);
        Assert.Equal(105m, resolved.Metrics.Single().Latest?.Value.Amount);
    }

    [Fact]
    public async Task A_staff_resolution_of_another_members_set_asks_whether_that_member_belongs()
    {
        var (gym, member) = await GymAsync();
        var owner = await gym.AddMemberAsync(database);
        var set = await gym.Scope.Sets.CreateAsync(MetricViewer.ForMember(owner), MetricOwner.ForMember(owner), "Goals", [gym.Squat.Id]);
        var resolve = () => gym.Scope.Resolver.ResolveAsync(gym.CoachView, new MetricSetResolutionQuery(set.Id, member));

        // The statement's check (two probes), then the directory in C# for the owner's membership only: the coach's staff
        // role is what the check confirmed, and is not asked again.
        var (lookups, resolved) = await LookupsAsync(gym, resolve);
        Assert.Equal(3, lookups);
        Assert.Equal(105m, resolved.Metrics.Single().Latest?.Value.Amount);

        // The owner left: the set is refused, as a set that does not exist, though the member's values may still be read.
        gym.Scope.Directory.RemoveMember(owner, gym.Gym);
        var (_, error) = await LookupsAsync(gym, () => Assert.ThrowsAsync<MetricNotFoundException>(resolve));
        Assert.Equal(MetricEntity.MetricSet, error.Entity);
    }

    [Fact]
    public async Task A_staff_read_of_a_member_who_left_is_refused_by_the_lookup()
    {
        var (gym, member) = await GymAsync();
        gym.Scope.Directory.RemoveMember(member, gym.Gym);

        var (lookups, error) = await LookupsAsync(
            gym, () => Assert.ThrowsAsync<MetricNotFoundException>(() => gym.Scope.Reader.GetLatestAsync(gym.CoachView, member, [gym.Squat.Id])));

        // Two probes in the filtered read, which returns no row, then the same two in the statement that tells a refusal
        // from definitions that do not exist (each statement sees a snapshot of its own, and the second one decides).
        Assert.Equal(4, lookups);
        Assert.Equal(MetricEntity.Member, error.Entity);
    }

    private async Task<(ReadScenario Gym, UserId Member)> GymAsync()
    {
        var gym = await ReadScenario.CreateAsync(database, MembershipSource.Mapped);
        var member = await gym.AddMemberAsync(database);
        for (var day = 1; day <= 5; day++)
        {
            await gym.RecordAsync(member, gym.Squat, 100 + day, MetricUnit.Kilogram, Duration.FromDays(6 - day));
        }

        return (gym, member);
    }

    // Runs the read in a host transaction and counts the scans of the memberships table it made there.
    private static async Task<(long Lookups, T Result)> LookupsAsync<T>(ReadScenario gym, Func<Task<T>> read)
    {
        var context = gym.Scope.Context;
        await using var transaction = await context.Database.BeginTransactionAsync();
        var before = await ScansAsync(context);
        var result = await read();
        var lookups = await ScansAsync(context) - before;
        await transaction.RollbackAsync();
        return (lookups, result);
    }

    private static async Task<long> ScansAsync(DbContext context) =>
        await context.Database
            .SqlQueryRaw<long>("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS \"Value\" FROM pg_stat_xact_user_tables WHERE relname = 'memberships'")
            .SingleAsync();
}
