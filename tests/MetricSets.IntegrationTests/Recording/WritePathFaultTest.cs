using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Recording;

/// <summary>
/// The write path under real faults on real PostgreSQL: concurrent writers, races for one id, cancellation at any point
/// (including while the insert waits on a row lock), and connections terminated mid-load. Bounded in time.
/// </summary>
public sealed class WritePathFaultTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const int Writers = 8;

    public Task InitializeAsync() => database.ExecuteAsync(HostDbContext.CreateTableSql);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Eight_concurrent_writers_lose_nothing_and_duplicate_nothing(bool scopePerRecord)
    {
        const int perWriter = 300;
        var (squat, members) = await SetUpAsync(Writers);
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var member = members[writer];
            ServiceScope? shared = scopePerRecord ? null : new ServiceScope(database.ConnectionString);
            for (var i = 0; i < perWriter; i++)
            {
                var scope = shared ?? new ServiceScope(database.ConnectionString);
                try
                {
                    // Half with a client id, half without: neither may be lost or written twice.
                    await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat, MetricValue.Of(i, MetricUnit.Kilogram))
                    {
                        Id = i % 2 == 0 ? MemberMetricId.New() : null,
                        RecordedAt = start + Duration.FromSeconds(i),
                    });
                }
                finally
                {
                    if (shared is null)
                    {
                        await scope.DisposeAsync();
                    }
                }
            }

            if (shared is not null)
            {
                await shared.DisposeAsync();
            }
        })));

        foreach (var member in members)
        {
            Assert.Equal(perWriter, await ValuesAsync(member));
            Assert.Equal((long)perWriter, await database.ScalarAsync<long>("SELECT count(DISTINCT value) FROM member_metrics WHERE member_id = $1", member.Value));
        }
    }

    [Theory]
    [InlineData("read committed")]
    [InlineData("repeatable read")]
    [InlineData("serializable")]
    public async Task Eight_callers_racing_one_id_store_one_row_and_each_gets_the_value_or_a_typed_conflict(string isolation)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = $"-c default_transaction_isolation={isolation.Replace(" ", "\\ ", StringComparison.Ordinal)}" }.ConnectionString;
        var (squat, members) = await SetUpAsync(1);
        var member = members[0];

        for (var round = 0; round < 10; round++)
        {
            var id = MemberMetricId.New();
            var sameContent = round % 2 == 0;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(caller => Task.Run(async () =>
            {
                await using var scope = new ServiceScope(connectionString);
                var amount = sameContent ? 100 : 100 + caller;
                try
                {
                    var stored = await scope.Recorder.RecordAsync(
                        MetricViewer.ForMember(member), new(member, squat, MetricValue.Of(amount, MetricUnit.Kilogram)) { Id = id, Source = MetricSource.SelfReport });
                    Assert.Equal(id, stored.Id);
                    return stored.Value.Amount == amount ? "recorded" : "other value";
                }
                catch (MetricConflictException)
                {
                    return "conflict";
                }
            })));

            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", id.Value));
            if (sameContent)
            {
                Assert.All(outcomes, outcome => Assert.Equal("recorded", outcome));
            }
            else
            {
                Assert.Equal(1, outcomes.Count(outcome => outcome == "recorded"));
                Assert.Equal(Writers - 1, outcomes.Count(outcome => outcome == "conflict"));
            }
        }
    }

    [Fact]
    public async Task Cancelled_while_the_insert_waits_on_a_row_lock_nothing_is_left_to_save_and_the_context_still_works()
    {
        var (squat, members) = await SetUpAsync(1);
        var member = members[0];
        await using var scope = new ServiceScope(database.ConnectionString, contextType: typeof(HostDbContext));
        var request = new RecordMetricRequest(member, squat, MetricValue.Of(120, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };

        await using (var blocker = await database.OpenConnectionAsync())
        {
            var transaction = await blocker.BeginTransactionAsync();
            await InsertUncommittedAsync(blocker, transaction, request.Id!.Value, member, squat);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request, cancellation.Token));
            await transaction.RollbackAsync();
        }

        var note = new HostNote { Text = "after cancel" };
        ((HostDbContext)scope.Context).Notes.Add(note);
        await scope.Context.SaveChangesAsync();

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", request.Id!.Value.Value));
        var retried = await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request);
        Assert.Equal(request.Id, retried.Id);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", request.Id.Value.Value));
    }

    [Fact]
    public async Task Cancellation_at_random_points_leaves_no_ghost_rows_and_a_retry_with_the_same_id_settles_every_value()
    {
        var (squat, members) = await SetUpAsync(1);
        var member = members[0];
        await using var scope = new ServiceScope(database.ConnectionString, contextType: typeof(HostDbContext));
        var random = new Random(20261130);
        var requests = Enumerable.Range(0, 150)
            .Select(i => new RecordMetricRequest(member, squat, MetricValue.Of(i, MetricUnit.Kilogram)) { Id = MemberMetricId.New() })
            .ToList();
        var outcomes = new Dictionary<string, int>();

        foreach (var request in requests)
        {
            using var cancellation = new CancellationTokenSource();
            var delay = random.Next(-1, 4);
            if (delay < 0)
            {
                await cancellation.CancelAsync();
            }
            else
            {
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(delay));
            }

            try
            {
                await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request, cancellation.Token);
                Count(outcomes, "recorded");
            }
            catch (OperationCanceledException)
            {
                Count(outcomes, "cancelled");
            }
        }

        // The host's next unrelated save writes only the host's change: no value "pending" from a cancelled call.
        var before = await ValuesAsync(member);
        ((HostDbContext)scope.Context).Notes.Add(new HostNote { Text = "unrelated" });
        await scope.Context.SaveChangesAsync();
        Assert.Equal(before, await ValuesAsync(member));
        Assert.Single(scope.Context.ChangeTracker.Entries());

        // A cancelled call may or may not have landed; the same id settles it either way, exactly once.
        foreach (var request in requests)
        {
            Assert.Equal(request.Value, (await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request)).Value);
        }

        Assert.Equal(requests.Count, await ValuesAsync(member));
        Assert.True(outcomes.GetValueOrDefault("cancelled") > 0 && outcomes.GetValueOrDefault("recorded") > 0, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task Connections_terminated_mid_load_lose_no_acknowledged_write_and_duplicate_none()
    {
        const int perWriter = 150;
        var (squat, members) = await SetUpAsync(4);
        using var stop = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            var kills = 0;
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(40);
                kills += (int)await database.ScalarAsync<long>(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
            }

            return kills;
        });

        var acknowledged = await Task.WhenAll(members.Select(member => Task.Run(async () =>
        {
            await using var scope = new ServiceScope(
                database.ConnectionString, npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 10, maxRetryDelay: TimeSpan.FromMilliseconds(50), errorCodesToAdd: null));
            var acked = new List<(MemberMetricId? Id, int Amount)>();
            for (var i = 0; i < perWriter; i++)
            {
                var request = new RecordMetricRequest(member, squat, MetricValue.Of(i, MetricUnit.Kilogram)) { Id = i % 2 == 0 ? MemberMetricId.New() : null };
                try
                {
                    await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request);
                    acked.Add((request.Id, i));
                }
                catch (Exception error) when (error is RetryLimitExceededException or InvalidOperationException or NpgsqlException)
                {
                    TransientErrors.AssertTransient(error); // not acknowledged: it may or may not have landed
                }
            }

            return (Member: member, Acked: acked);
        })));
        await stop.CancelAsync();
        Assert.True(await killer > 0, "No connection was terminated: the test proved nothing.");

        foreach (var (member, acked) in acknowledged)
        {
            Assert.True(acked.Count > perWriter / 2, $"Only {acked.Count} of {perWriter} writes were acknowledged.");
            foreach (var (id, amount) in acked)
            {
                Assert.Equal(1L, await database.ScalarAsync<long>(
                    "SELECT count(*) FROM member_metrics WHERE member_id = $1 AND value = $2", member.Value, (decimal)amount));
                if (id is { } clientId)
                {
                    Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", clientId.Value));
                }
            }

            Assert.Equal(0L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM (SELECT value FROM member_metrics WHERE member_id = $1 GROUP BY value HAVING count(*) > 1) AS twice", member.Value));
        }

        // And reads recover.
        await using var reader = new ServiceScope(
            database.ConnectionString, npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(50), errorCodesToAdd: null));
        Assert.NotNull(await reader.Reader.FindLatestAsync(MetricViewer.ForMember(members[0]), members[0], squat));
    }

    private async Task<(MetricDefinitionId Squat, List<UserId> Members)> SetUpAsync(int members)
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var squat = await scope.BackSquatAsync();
        var ids = new List<UserId>();
        for (var i = 0; i < members; i++)
        {
            ids.Add(await database.AddUserAsync());
        }

        return (squat.Id, ids);
    }

    private static async Task InsertUncommittedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MemberMetricId id, UserId member, MetricDefinitionId definition)
    {
        await using var insert = new NpgsqlCommand("INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES ($1, $2, $3, 1, 'kg')", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id.Value });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = member.Value });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = definition.Value });
        await insert.ExecuteNonQueryAsync();
    }

    private static void Count(Dictionary<string, int> outcomes, string outcome) => outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

    private async Task<int> ValuesAsync(UserId member) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value);
}
