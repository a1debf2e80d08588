using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// The isolation rules hold on the standby exactly as on the primary: once replayed, every read through the replica
/// returns what the same read returns on the primary — the same values, the same refusals — for coaches of two gyms,
/// members in one, both or neither, and a member who claims to be staff; with the host's directory and with mapped
/// memberships (whose rows the standby has by replication).
/// </summary>
public sealed class ReplicaIsolationTest(ReplicaDatabase database) : IClassFixture<ReplicaDatabase>
{

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Reads_through_the_replica_return_exactly_what_the_primary_returns(MembershipSource memberships)
    {
        await using var writer = database.Scope(memberships, replica: ReplicaDatabase.NoReplica);
        var squat = (await writer.BackSquatAsync()).Id;
        var (gymA, gymB) = (await database.OnPrimary.AddOrganizationAsync(), await database.OnPrimary.AddOrganizationAsync());
        var (onlyA, both, onlyB, outsider) =
            (await database.OnPrimary.AddUserAsync(), await database.OnPrimary.AddUserAsync(), await database.OnPrimary.AddUserAsync(), await database.OnPrimary.AddUserAsync());
        writer.Directory.AddMember(onlyA, gymA).AddMember(both, gymA).AddMember(both, gymB).AddMember(onlyB, gymB);
        var (coachA, coachB) = (writer.StaffOf(gymA), writer.StaffOf(gymB));
        var day = 0;
        foreach (var (actor, member) in new[] { (coachA, onlyA), (coachA, both), (coachB, both), (coachB, onlyB) })
        {
            await writer.Recorder.RecordAsync(actor, Kilograms.OnDay(member, squat, 100 + day, ++day).With(source: MetricSource.CoachInput));
        }

        foreach (var member in new[] { onlyA, both, onlyB, outsider })
        {
            await writer.Recorder.RecordAsync(MetricViewer.ForMember(member), Kilograms.OnDay(member, squat, 90 + day, ++day));
        }

        var sets = new[]
        {
            (await writer.Sets.CreateAsync(coachA, MetricOwner.ForOrganization(gymA), "Gym A", [squat])).Id,
            (await writer.Sets.CreateAsync(MetricViewer.ForMember(both), MetricOwner.ForMember(both), "Mine", [squat])).Id,
        };
        await database.WaitForReplayAsync();

        var viewers = new[]
        {
            coachA, coachB, MetricViewer.ForMember(onlyA), MetricViewer.ForMember(both), MetricViewer.ForMember(both, gymB),
            MetricViewer.ForMember(outsider), MetricViewer.ForStaff(both, gymA),
        };
        await using var onPrimary = database.Scope(memberships, replica: ReplicaDatabase.NoReplica);
        await using var onReplica = database.Scope(memberships);
        using var routes = new ReadRoutes(onReplica);
        var compared = 0;
        foreach (var viewer in viewers)
        {
            foreach (var member in new[] { onlyA, both, onlyB, outsider })
            {
                foreach (var read in MemberReads(viewer, member, squat, sets))
                {
                    Assert.Equal(await Outcome(() => read(onPrimary)), await Outcome(() => read(onReplica)));
                    compared++;
                }
            }

            foreach (var gym in new[] { gymA, gymB })
            {
                Assert.Equal(await Outcome(() => Leaderboard(onPrimary, viewer, gym, squat)), await Outcome(() => Leaderboard(onReplica, viewer, gym, squat)));
                compared++;
            }
        }

        // Every statement went to the standby (a read the host's directory refuses in C# sends none); both answers occurred.
        Assert.InRange(routes.All.Count, 1, compared);
        Assert.All(routes.All, route => Assert.Equal("replica", route));
        Assert.Equal("refused: Organization", await Outcome(() => Leaderboard(onReplica, coachB, gymA, squat)));
        Assert.NotEqual(string.Empty, await Outcome(() => Leaderboard(onReplica, coachA, gymA, squat)));
        Assert.Equal(compared, viewers.Length * ((4 * (4 + sets.Length)) + 2));
    }

    private static IEnumerable<Func<ServiceScope, Task<string>>> MemberReads(MetricViewer viewer, UserId member, MetricDefinitionId squat, MetricSetId[] sets)
    {
        yield return async scope => string.Join(',', (await scope.Reader.GetHistoryAsync(viewer, new MetricHistoryQuery(member, squat))).Items.Select(r => $"{r.Id}:{r.Value}:{r.RecordedIn}"));
        yield return async scope => string.Join(',', (await scope.Reader.GetLastAsync(viewer, member, [squat], 10))[squat].Select(r => r.Id));
        yield return async scope => string.Join(',', (await scope.Reader.GetLatestAsync(viewer, member, [squat])).Values.Select(r => r.Id));
        yield return async scope => string.Join(',', (await scope.Reader.GetPersonalBestsAsync(viewer, member, [squat])).Values.Select(r => r.Id));
        foreach (var set in sets)
        {
            yield return async scope => string.Join(',', (await scope.Resolver.ResolveAsync(viewer, new MetricSetResolutionQuery(set, member))).Metrics.Select(m => m.Latest?.Id));
        }
    }

    private static async Task<string> Leaderboard(ServiceScope scope, MetricViewer viewer, OrganizationId gym, MetricDefinitionId squat) =>
        string.Join(',', (await scope.Leaderboards.GetLeaderboardAsync(viewer, new MetricLeaderboardQuery(gym, squat))).Items.Select(e => $"{e.Rank}:{e.MemberId}:{e.Reading.Id}"));

    // What a read returns, or how it was refused: the same refusal on both servers is agreement too.
    private static async Task<string> Outcome(Func<Task<string>> read)
    {
        try
        {
            return await read();
        }
        catch (MetricNotFoundException refused)
        {
            return $"refused: {refused.Entity}";
        }
    }
}
