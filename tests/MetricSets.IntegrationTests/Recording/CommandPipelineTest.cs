using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Recording;

/// <summary>
/// Every statement the library sends goes through EF Core's command pipeline: the host's interceptors see it, the context's
/// command timeout applies to it, and <c>EnableRetryOnFailure</c> retries it after a transient failure.
/// </summary>
public sealed class CommandPipelineTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_host_interceptor_sees_the_statements_of_every_read_and_write()
    {
        var interceptor = new RecordingInterceptor();
        await using var scope = new ServiceScope(database.ConnectionString, context: o => o.AddInterceptors(interceptor));
        var squat = await scope.BackSquatAsync();
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);
        var staff = scope.StaffOf(gym);
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("record", () => scope.Recorder.RecordAsync(staff, new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput })),
            ("record many", () => scope.Recorder.RecordManyAsync(staff, [new(member, squat.Id, MetricValue.Of(90, MetricUnit.Kilogram)) { Id = MemberMetricId.New() }])),
            ("latest", () => scope.Reader.GetLatestAsync(staff, member, [squat.Id])),
            ("last", () => scope.Reader.GetLastAsync(staff, member, [squat.Id], 3)),
            ("bests", () => scope.Reader.GetPersonalBestsAsync(staff, member, [squat.Id])),
            ("history", () => scope.Reader.GetHistoryAsync(staff, new MetricHistoryQuery(member, squat.Id))),
            ("leaderboard", () => scope.Leaderboards.GetLeaderboardAsync(staff, new MetricLeaderboardQuery(gym, squat.Id))),
            ("create set", () => scope.Sets.CreateAsync(staff, MetricOwner.ForOrganization(gym), "Strength", [squat.Id])),
            ("catalogue", () => scope.Catalog.CreateAsync(new CatalogEntry(Catalogue.UniqueSlug("deadlift"), LocalizedName.Of("en", "Deadlift"), MetricUnit.Kilogram, MetricKind.OneRepMax))),
        };

        foreach (var (name, call) in calls)
        {
            var before = interceptor.Commands.Count;
            await call();
            Assert.True(interceptor.Commands.Count > before, $"The interceptor saw no command of '{name}'.");
        }

        Assert.Contains(interceptor.Commands, sql => sql.Contains("ON CONFLICT (id) DO NOTHING", StringComparison.Ordinal));
        Assert.Contains(interceptor.Commands, sql => sql.Contains("LATERAL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_contexts_command_timeout_bounds_a_write_that_waits_on_a_lock()
    {
        await using var scope = new ServiceScope(database.ConnectionString, npgsql: n => n.CommandTimeout(1));
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var id = MemberMetricId.New();

        // Another transaction holds an uncommitted row with the same id: the insert must wait for it.
        await using var blocker = await database.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES ($1, $2, $3, 1, 'kg')", blocker, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id.Value });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = member.Value });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = squat.Id.Value });
            await insert.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(2, MetricUnit.Kilogram)) { Id = id }));

        Assert.IsType<TimeoutException>(TransientErrors.AssertTransient(error).InnerException);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_contexts_command_timeout_bounds_a_read_that_waits_on_a_lock()
    {
        await using var scope = new ServiceScope(database.ConnectionString, npgsql: n => n.CommandTimeout(1));
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        await using var blocker = await database.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE member_metrics IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.Reader.GetLatestAsync(MetricViewer.ForMember(member), member, [squat.Id]));

        Assert.IsType<TimeoutException>(TransientErrors.AssertTransient(error).InnerException);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task With_EnableRetryOnFailure_reads_and_writes_survive_their_connections_being_terminated()
    {
        await using var scope = new ServiceScope(
            database.ConnectionString, npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromMilliseconds(200), errorCodesToAdd: null));
        var squat = await scope.BackSquatAsync();
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        scope.Directory.AddMember(member, gym);
        var staff = scope.StaffOf(gym);
        var at = scope.Clock.GetCurrentInstant();
        var calls = new Func<Task>[]
        {
            () => scope.Recorder.RecordAsync(staff, new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Id = MemberMetricId.New(), RecordedAt = at }),
            () => scope.Recorder.RecordManyAsync(staff, [new(member, squat.Id, MetricValue.Of(101, MetricUnit.Kilogram)) { RecordedAt = at - Duration.FromDays(1) }]),
            () => scope.Reader.FindLatestAsync(staff, member, squat.Id),
            () => scope.Leaderboards.GetLeaderboardAsync(staff, new MetricLeaderboardQuery(gym, squat.Id)),
            () => scope.Sets.CreateAsync(staff, MetricOwner.ForMember(member), "Retried", [squat.Id]),
            () => scope.Catalog.ListAsync(),
        };

        foreach (var call in calls)
        {
            await TerminateOtherConnectionsAsync();
            await call();
        }

        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
    }

    [Fact]
    public async Task Without_retries_a_terminated_connection_is_reported_as_a_transient_failure()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id); // a pooled connection to kill

        await TerminateOtherConnectionsAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id));

        TransientErrors.AssertTransient(error);
        Assert.Null(await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id)); // and the next call works
    }

    [Fact]
    public async Task With_retries_a_host_transaction_runs_inside_the_execution_strategy_and_is_retried_as_a_whole()
    {
        await using var scope = new ServiceScope(
            database.ConnectionString, npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromMilliseconds(100), errorCodesToAdd: null));
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        var request = new RecordMetricRequest(member, squat.Id, MetricValue.Of(77, MetricUnit.Kilogram)) { Id = MemberMetricId.New() };
        var attempts = 0;

        await scope.Context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await scope.Context.Database.BeginTransactionAsync();
            await scope.Recorder.RecordAsync(MetricViewer.ForMember(member), request);
            await scope.CreateSetAsync(MetricOwner.ForMember(member), "In a transaction", [squat.Id]);
            if (++attempts == 1)
            {
                await TerminateOtherConnectionsAsync(); // the first attempt loses its connection before the commit
            }

            await transaction.CommitAsync();
        });

        Assert.Equal(2, attempts);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", request.Id!.Value.Value));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM metric_sets WHERE member_user_id = $1", member.Value));
    }

    [Fact]
    public async Task With_retries_a_host_transaction_outside_the_strategy_is_refused_as_EF_Core_refuses_it()
    {
        await using var scope = new ServiceScope(
            database.ConnectionString, npgsql: n => n.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromMilliseconds(100), errorCodesToAdd: null));
        var (squat, member) = (await scope.BackSquatAsync(), await database.AddUserAsync());
        await using var transaction = await scope.Context.Database.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(1, MetricUnit.Kilogram))));

        Assert.Contains("CreateExecutionStrategy", error.Message, StringComparison.Ordinal);
    }

    private async Task TerminateOtherConnectionsAsync()
    {
        var terminated = await database.ScalarAsync<long>(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        Assert.True(terminated >= 0);
    }

    private sealed class RecordingInterceptor : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
