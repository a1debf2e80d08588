using System.Security.Cryptography;
using System.Text;
using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.Reads;
using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// Paging cursors are opaque and bound: sealed with the host's key (nothing readable, nothing alterable), valid only for
/// the query that issued them, judged only after the policy, and every malformed one is a validation error naming
/// <c>Cursor</c>.
/// </summary>
public sealed class CursorTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public async Task A_cursor_carries_no_readable_id_or_value()
    {
        var (gym, member, history, board) = await PagedGymAsync();

        foreach (var cursor in new[] { history, board })
        {
            var bytes = Convert.FromBase64String(cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (cursor.Length % 4)) % 4));
            Assert.DoesNotContain(member.ToString(), cursor, StringComparison.OrdinalIgnoreCase);
            Assert.False(Contains(bytes, member.Value.ToByteArray()), "the member id's bytes are readable in the cursor");
            Assert.DoesNotContain("leaderboard", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(gym.Gym.ToString(), Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Every_altered_character_is_refused()
    {
        var (gym, member, history, board) = await PagedGymAsync();

        foreach (var (cursor, read) in new (string, Func<string, Task>)[]
        {
            (history, c => gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2, Cursor = c })),
            (board, c => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 2, Cursor = c })),
        })
        {
            for (var index = 0; index < cursor.Length; index++)
            {
                var altered = cursor[..index] + (cursor[index] == 'A' ? 'B' : 'A') + cursor[(index + 1)..];
                var error = await Assert.ThrowsAsync<MetricValidationException>(() => read(altered));
                Assert.Equal(("Cursor", MetricErrorCode.InvalidValue), (error.ParameterName, error.Code));
            }

            await Assert.ThrowsAsync<MetricValidationException>(() => read(cursor[..^1]));
            await Assert.ThrowsAsync<MetricValidationException>(() => read(cursor + "A"));
            await Assert.ThrowsAsync<MetricValidationException>(() => read("not a cursor!"));
        }
    }

    [Fact]
    public async Task A_cursor_pages_only_the_query_that_issued_it()
    {
        var (gym, member, history, board) = await PagedGymAsync();
        var other = await gym.AddMemberAsync(database);
        await gym.RecordAsync(other, gym.Squat, 80, MetricUnit.Kilogram, Day);

        var historyElsewhere = new Func<Task>[]
        {
            () => gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(other, gym.Squat.Id) { PageSize = 2, Cursor = history }),
            () => gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Row.Id) { PageSize = 2, Cursor = history }),
            () => gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2, Cursor = history, Interval = new Interval(gym.Now - (Day * 30), null) }),
        };
        var boardElsewhere = new Func<Task>[]
        {
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 2, Cursor = board, Order = LeaderboardOrder.LatestFirst }),
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 2, Cursor = board, Units = UnitPreference.Imperial }),
            () => gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 2, Cursor = board, Sources = [MetricSource.SelfReport] }),
            () => gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2, Cursor = board }),
        };

        foreach (var read in historyElsewhere.Concat(boardElsewhere))
        {
            var error = await Assert.ThrowsAsync<MetricValidationException>(read);
            Assert.Equal("Cursor", error.ParameterName);
        }

        // The page size is not part of the query: a client may ask for more on the next page.
        var next = await gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 3, Cursor = history });
        Assert.Equal(3, next.Items.Count);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task A_viewer_the_policy_refuses_learns_nothing_from_a_cursor_good_or_bad(MembershipSource memberships)
    {
        var (gym, member, history, board) = await PagedGymAsync(memberships);
        var stranger = gym.Scope.StaffOf(await database.AddOrganizationAsync());

        foreach (var cursor in new[] { history, "not a cursor!" })
        {
            var refused = await Assert.ThrowsAsync<MetricNotFoundException>(
                () => gym.Scope.Reader.GetHistoryAsync(stranger, new MetricHistoryQuery(member, gym.Squat.Id) { Cursor = cursor }));
            Assert.Equal(MetricEntity.Member, refused.Entity);
        }

        foreach (var cursor in new[] { board, "not a cursor!" })
        {
            var refused = await Assert.ThrowsAsync<MetricNotFoundException>(
                () => gym.Scope.Leaderboards.GetLeaderboardAsync(stranger, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { Cursor = cursor }));
            Assert.Equal(MetricEntity.Organization, refused.Entity);
        }
    }

    [Fact]
    public async Task Instances_sharing_a_key_accept_each_others_cursors_and_no_other_key_does()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var (gym, member, _, _) = await PagedGymAsync();
        await using var first = new ServiceScope(database.ConnectionString, o => o.CursorKey = key);
        await using var second = new ServiceScope(database.ConnectionString, o => o.CursorKey = key);
        await using var stranger = new ServiceScope(database.ConnectionString, o => o.CursorKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var query = new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2 };
        var cursor = (await first.Reader.GetHistoryAsync(gym.CoachView, query)).NextCursor;

        var page = await second.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2, Cursor = cursor });

        Assert.Equal(2, page.Items.Count);
        await Assert.ThrowsAsync<MetricValidationException>(
            () => stranger.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2, Cursor = cursor }));
    }

    // A gym whose member has five squats and whose leaderboard has five members: a history cursor and a leaderboard
    // cursor, each after a first page of two.
    private async Task<(ReadScenario Gym, UserId Member, string History, string Board)> PagedGymAsync(MembershipSource memberships = MembershipSource.Directory)
    {
        var gym = await ReadScenario.CreateAsync(database, memberships);
        var member = await gym.AddMemberAsync(database);
        for (var day = 1; day <= 5; day++)
        {
            await gym.RecordAsync(member, gym.Squat, 100 + day, MetricUnit.Kilogram, Day * day);
            await gym.RecordAsync(await gym.AddMemberAsync(database), gym.Squat, 90 + day, MetricUnit.Kilogram, Day * day);
        }

        var history = await gym.Scope.Reader.GetHistoryAsync(gym.CoachView, new MetricHistoryQuery(member, gym.Squat.Id) { PageSize = 2 });
        var board = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachView, new MetricLeaderboardQuery(gym.Gym, gym.Squat.Id) { PageSize = 2 });
        return (gym, member, history.NextCursor!, board.NextCursor!);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).Any(start => haystack.AsSpan(start, needle.Length).SequenceEqual(needle));
}
