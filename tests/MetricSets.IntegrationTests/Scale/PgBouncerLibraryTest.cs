using MetricSets.IntegrationTests.Harness;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// The library through a real PgBouncer in transaction pooling mode, with the connection-string settings
/// docs/scaling-connections.md gives: two clients taking turns on a single server connection record (single and bulk,
/// COPY included), read every kind of read and manage sets, in both membership modes; bulk imports of many clients never
/// clash over the staging table nor leave one behind; a call cancelled while a row lock blocks it stops and leaves the
/// server connection clean; and <c>EnableRetryOnFailure</c> rides out the termination of the server connection.
/// </summary>
public sealed class PgBouncerLibraryTest(PgBouncerDatabase database) : IClassFixture<PgBouncerDatabase>
{

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Two_clients_on_one_server_connection_record_and_read_everything(MembershipSource memberships)
    {
        await using var coachClient = new ServiceScope(database.ThroughOneConnection, memberships: memberships);
        await using var memberClient = new ServiceScope(database.ThroughOneConnection, memberships: memberships);
        var (squat, member, gym) = await SetUpAsync(coachClient);
        var coach = coachClient.StaffOf(gym);
        var self = MetricViewer.ForMember(member);

        await coachClient.Recorder.RecordAsync(coach, Kilograms.OnDay(member, squat, 100, 0).With(source: MetricSource.CoachInput));
        await memberClient.Recorder.RecordAsync(self, Kilograms.OnDay(member, squat, 95, 1));
        var direct = await coachClient.Recorder.RecordManyAsync(coach, [.. Enumerable.Range(2, 50).Select(day => Kilograms.OnDay(member, squat, 50 + day, day).With(source: MetricSource.CoachInput))]);
        RecordMetricRequest[] withIds = [.. Enumerable.Range(60, 20).Select(day => Kilograms.OnDay(member, squat, 40, day).With(id: MemberMetricId.New(), source: MetricSource.CoachInput))];
        var staged = await coachClient.Recorder.RecordManyAsync(coach, withIds);
        var again = await coachClient.Recorder.RecordManyAsync(coach, withIds);

        Assert.Equal((50, 20, 0, 20), (direct.Recorded, staged.Recorded, again.Recorded, again.AlreadyRecorded));
        Assert.Equal(40m, (await memberClient.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
        Assert.Equal(5, (await coachClient.Reader.GetLastAsync(coach, member, [squat], 5))[squat].Count);
        Assert.Equal(101m, (await memberClient.Reader.GetPersonalBestsAsync(self, member, [squat]))[squat].Value.Amount);
        var firstPage = await coachClient.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, squat) { PageSize = 30 });
        var secondPage = await coachClient.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, squat) { PageSize = 100, Cursor = firstPage.NextCursor });
        Assert.Equal(72, firstPage.Items.Count + secondPage.Items.Count);
        Assert.Single((await coachClient.Leaderboards.GetLeaderboardAsync(coach, new MetricLeaderboardQuery(gym, squat))).Items);
        var set = await coachClient.Sets.CreateAsync(coach, MetricOwner.ForOrganization(gym), "Strength", [squat]);
        Assert.Equal(40m, Assert.Single((await memberClient.Resolver.ResolveAsync(MetricViewer.ForMember(member, gym), new MetricSetResolutionQuery(set.Id, member))).Metrics).LatestValue!.Value.Amount);

        // Both clients took turns on PgBouncer's one server connection.
        Assert.Single(await database.OneConnection.ShowAsync("SERVERS"), server => server["database"] == PgBouncerDatabase.Database);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Sets_are_managed_through_PgBouncer(MembershipSource memberships)
    {
        await using var scope = new ServiceScope(database.ThroughOneConnection, memberships: memberships);
        var (squat, member, gym) = await SetUpAsync(scope);
        var bench = (await scope.Catalog.CreateAsync(new CatalogEntry(Catalogue.UniqueSlug("bench"), LocalizedName.Of("en", "Bench"), MetricUnit.Kilogram, MetricKind.OneRepMax))).Id;
        var coach = scope.StaffOf(gym);
        var owner = MetricOwner.ForOrganization(gym);

        var set = await scope.Sets.CreateAsync(coach, owner, "Strength", [squat]);
        await scope.Sets.RenameAsync(coach, set.Id, "Strength block");
        await scope.Sets.AddDefinitionAsync(coach, set.Id, bench);
        await scope.Sets.MoveDefinitionAsync(coach, set.Id, bench, 0);
        Assert.Equal([bench, squat], (await scope.Sets.GetAsync(coach, set.Id)).DefinitionIds);
        await scope.Sets.RemoveDefinitionAsync(coach, set.Id, squat);
        Assert.Equal("Strength block", Assert.Single(await scope.Sets.ListByOwnerAsync(MetricViewer.ForMember(member, gym), owner)).Name);
        await scope.Sets.DeleteAsync(coach, set.Id);

        Assert.Empty(await scope.Sets.ListByOwnerAsync(coach, owner));
    }

    [Fact]
    public async Task Bulk_imports_of_many_clients_on_one_server_connection_neither_clash_nor_leave_a_staging_table()
    {
        const int Clients = 4;
        MetricDefinitionId squat;
        var members = new UserId[Clients];
        await using (var setup = new ServiceScope(database.ThroughOneConnection))
        {
            squat = (await setup.BackSquatAsync()).Id;
            for (var client = 0; client < Clients; client++)
            {
                members[client] = await database.OnServer.AddUserAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            await using var scope = new ServiceScope(database.ThroughOneConnection);
            var self = MetricViewer.ForMember(members[client]);
            RecordMetricRequest Row(int day, decimal kilograms, MemberMetricId id) => Kilograms.OnDay(members[client], squat, kilograms, day).With(id: id);
            var ids = Enumerable.Range(0, 20).Select(_ => MemberMetricId.New()).ToArray();

            Assert.Equal(10, (await scope.Recorder.RecordManyAsync(self, [.. Enumerable.Range(0, 10).Select(day => Row(day, 60, ids[day]))])).Recorded);

            // A batch that reuses an id for another value fails as a whole, and rolls back its staging table with it.
            await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordManyAsync(self, [Row(10, 61, ids[10]), Row(0, 99, ids[0])]));

            // Two imports in one host transaction: the first drops its staging table, the second makes its own.
            await using (var transaction = await scope.Context.Database.BeginTransactionAsync())
            {
                await scope.Recorder.RecordManyAsync(self, [.. Enumerable.Range(10, 5).Select(day => Row(day, 62, ids[day]))]);
                await scope.Recorder.RecordManyAsync(self, [.. Enumerable.Range(15, 5).Select(day => Row(day, 63, ids[day]))]);
                await transaction.CommitAsync();
            }
        })));

        foreach (var member in members)
        {
            Assert.Equal(20L, await database.OnServer.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
        }

        Assert.Equal(0L, await database.OnServer.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'metricsets_import'"));
    }

    [Fact]
    public async Task A_call_cancelled_while_a_row_lock_blocks_it_stops_and_leaves_the_server_connection_clean()
    {
        await using var scope = new ServiceScope(database.ThroughOneConnection);
        var (squat, member, gym) = await SetUpAsync(scope);
        var coach = scope.StaffOf(gym);
        var set = await scope.Sets.CreateAsync(coach, MetricOwner.ForOrganization(gym), "Locked", [squat]);
        var id = MemberMetricId.New();
        var calls = new (string Lock, Func<CancellationToken, Task> Call)[]
        {
            ($"INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES ('{id}', '{member}', '{squat}', 1, 'kg')",
                token => scope.Recorder.RecordAsync(coach, Kilograms.OnDay(member, squat, 2, 0).With(id: id, source: MetricSource.CoachInput), token)),
            ($"SELECT 1 FROM metric_sets WHERE id = '{set.Id}' FOR UPDATE", token => scope.Sets.RenameAsync(coach, set.Id, "Renamed", token)),
            ("LOCK TABLE member_metrics IN ACCESS EXCLUSIVE MODE", token => scope.Reader.GetLatestAsync(coach, member, [squat], token)),
        };

        foreach (var (lockSql, call) in calls)
        {
            await using var blocker = await database.OnServer.OpenConnectionAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand(lockSql, blocker, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            using var cancellation = new CancellationTokenSource();
            var blocked = call(cancellation.Token);
            Assert.True(await ServerProbe.WithinAsync(TimeSpan.FromSeconds(10), async () => await database.WaitingOnLocksAsync() == 1), $"'{lockSql}' did not block the call");

            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
            Assert.Equal(0L, await database.WaitingOnLocksAsync());
            await transaction.RollbackAsync();
        }

        // Nothing was written, and the one server connection serves the next calls, this client's and another's.
        Assert.Null(await scope.Reader.FindLatestAsync(coach, member, squat));
        Assert.Equal("Locked", (await scope.Sets.GetAsync(coach, set.Id)).Name);
        await using var other = new ServiceScope(database.ThroughOneConnection);
        Assert.Equal(2m, (await other.Recorder.RecordAsync(coach, Kilograms.OnDay(member, squat, 2, 0).With(id: id, source: MetricSource.CoachInput))).Value.Amount);
    }

    [Fact]
    public async Task With_EnableRetryOnFailure_a_call_whose_server_connection_is_terminated_is_retried_and_lands_once()
    {
        await using var scope = new ServiceScope(
            database.ThroughOneConnection, npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromMilliseconds(200), errorCodesToAdd: null));
        var (squat, member, gym) = await SetUpAsync(scope);
        var coach = scope.StaffOf(gym);
        var set = await scope.Sets.CreateAsync(coach, MetricOwner.ForOrganization(gym), "Retried", [squat]);
        var single = Kilograms.OnDay(member, squat, 70, 0).With(id: MemberMetricId.New(), source: MetricSource.CoachInput);
        var calls = new Func<Task>[]
        {
            () => scope.Recorder.RecordAsync(coach, single),
            () => scope.Recorder.RecordManyAsync(coach, [Kilograms.OnDay(member, squat, 71, 1).With(source: MetricSource.CoachInput)]),
            () => scope.Sets.RenameAsync(coach, set.Id, "Retried again"),
            () => scope.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, squat)),
        };

        foreach (var call in calls)
        {
            // The call's statement waits on a lock, its server connection is terminated under it, then the lock goes.
            await using var blocker = await database.OnServer.OpenConnectionAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("LOCK TABLE member_metrics, metric_sets IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            var blocked = call();
            Assert.True(await ServerProbe.WithinAsync(TimeSpan.FromSeconds(10), async () => await database.WaitingOnLocksAsync() == 1), "the call was not blocked");
            Assert.Equal(1L, await database.OnServer.ScalarAsync<long>(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"));
            await transaction.RollbackAsync();

            await blocked;
        }

        Assert.Equal(2L, await database.OnServer.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
        Assert.Equal("Retried again", (await scope.Sets.GetAsync(coach, set.Id)).Name);
    }

    [Fact]
    public async Task Without_retries_a_terminated_server_connection_is_a_transient_failure_and_the_next_call_works()
    {
        await using var scope = new ServiceScope(database.ThroughOneConnection);
        var (squat, member, _) = await SetUpAsync(scope);
        var self = MetricViewer.ForMember(member);
        await using var blocker = await database.OnServer.OpenConnectionAsync();
        await using (var transaction = await blocker.BeginTransactionAsync())
        {
            await using (var hold = new NpgsqlCommand("LOCK TABLE member_metrics IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            var blocked = scope.Reader.FindLatestAsync(self, member, squat);
            Assert.True(await ServerProbe.WithinAsync(TimeSpan.FromSeconds(10), async () => await database.WaitingOnLocksAsync() == 1), "the read was not blocked");
            await database.OnServer.ScalarAsync<long>("SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");

            TransientErrors.AssertTransient(await Assert.ThrowsAnyAsync<Exception>(() => blocked));
            await transaction.RollbackAsync();
        }

        Assert.Null(await scope.Reader.FindLatestAsync(self, member, squat));
    }

    private async Task<(MetricDefinitionId Squat, UserId Member, OrganizationId Gym)> SetUpAsync(ServiceScope scope)
    {
        var squat = await scope.BackSquatAsync();
        var (member, gym) = (await database.OnServer.AddUserAsync(), await database.OnServer.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);
        return (squat.Id, member, gym);
    }
}
