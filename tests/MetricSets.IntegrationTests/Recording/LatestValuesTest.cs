using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Recording;

/// <summary>
/// <c>member_metrics_latest</c> (the flat reads' latest rows, kept by triggers on member_metrics) after every kind of
/// write, checked against <see cref="LatestValuesOracle"/>, which recomputes it from the stored values: the library's
/// writes, their replays, other tools' SQL (implausible rows and hand-set plausibility included, and a definition's unit
/// changed under its values), cascades, concurrent writers and deleters, the
/// race of a delete with a writer of the same partition under each isolation level, and a writer terminated mid-import.
/// </summary>
public sealed class LatestValuesTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 8, 0);

    [Fact]
    public async Task Every_library_write_and_its_replay_keep_the_latest_rows()
    {
        var gym = await GymAsync();
        var recorder = gym.Scope.Recorder;

        // Out of time order, kg and lb, coach input and self-reports, in the gym and nowhere.
        foreach (var (actor, kilograms, hours) in new[] { (gym.Coach, 100m, 5), (gym.Coach, 120m, 1), (gym.Coach, 110m, 3), (gym.Self, 90m, 2), (gym.Self, 95m, 6) })
        {
            await recorder.RecordAsync(actor, Request(gym, kilograms, hours, actor == gym.Coach));
        }

        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        var id = MemberMetricId.New();
        var request = Request(gym, 130, 0, coach: true, id: id);
        await recorder.RecordAsync(gym.Coach, request);
        var before = await LatestValuesOracle.StoredAsync(database.ConnectionString);
        await recorder.RecordAsync(gym.Coach, request);
        Assert.Equal(before, await LatestValuesOracle.StoredAsync(database.ConnectionString));

        // In bulk: straight by COPY, then through the staging table with ids, then that batch again (a replay).
        await recorder.RecordManyAsync(gym.Coach, Enumerable.Range(0, 40).Select(i => Request(gym, 60 + i, 20 - i, coach: true, pounds: i % 3 == 0)));
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        var batch = Enumerable.Range(0, 30).Select(i => Request(gym, 70 + i, i - 10, coach: true, id: MemberMetricId.New())).ToList();
        Assert.Equal(30, (await recorder.RecordManyAsync(gym.Coach, batch)).Recorded);
        Assert.Equal(0, (await recorder.RecordManyAsync(gym.Coach, batch)).Recorded);
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        // Deleting a partition's latest value brings back the one before; deleting an older one changes nothing.
        var latest = await database.ScalarAsync<Guid>(
            "SELECT metric_id FROM member_metrics_latest WHERE member_id = $1 AND source = 'coach_input'", gym.Member.Value);
        await recorder.DeleteAsync(gym.Coach, new MemberMetricId(latest));
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        Assert.NotEqual(latest, await database.ScalarAsync<Guid>(
            "SELECT metric_id FROM member_metrics_latest WHERE member_id = $1 AND source = 'coach_input'", gym.Member.Value));
        var oldest = await database.ScalarAsync<Guid>("SELECT id FROM member_metrics WHERE member_id = $1 ORDER BY recorded_at LIMIT 1", gym.Member.Value);
        await recorder.DeleteAsync(gym.Coach, new MemberMetricId(oldest));
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
    }

    [Fact]
    public async Task Writes_by_other_tools_and_cascades_keep_the_latest_rows()
    {
        var gym = await GymAsync();
        var other = await database.AddOrganizationAsync();
        var definition = gym.Squat.Id.Value;
        var member = gym.Member.Value;

        // Implausible rows (too heavy, a distance for a squat) are newer than the plausible ones and never become latest.
        await database.ExecuteAsync($"""
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id) VALUES
                (gen_random_uuid(), '{member}', '{definition}', 100, 'kg', '2026-05-01Z', 'coach_input', '{gym.Organization}'),
                (gen_random_uuid(), '{member}', '{definition}', 250, 'lb', '2026-05-02Z', 'coach_input', '{gym.Organization}'),
                (gen_random_uuid(), '{member}', '{definition}', 9999999, 'kg', '2026-05-03Z', 'coach_input', '{gym.Organization}'),
                (gen_random_uuid(), '{member}', '{definition}', 80, 'meters', '2026-05-04Z', 'coach_input', '{gym.Organization}'),
                (gen_random_uuid(), '{member}', '{definition}', 90, 'kg', '2026-05-01Z', NULL, NULL),
                (gen_random_uuid(), '{member}', '{definition}', 91, 'kg', '2026-05-05Z', 'Coach Input!', '{other}'),
                (gen_random_uuid(), '{member}', '{definition}', 92, 'kg', '2026-05-06Z', 'self_report', '{other}');
            """);
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        await database.ExecuteAsync($"DELETE FROM member_metrics WHERE id IN (SELECT metric_id FROM member_metrics_latest WHERE member_id = '{member}' AND source <> '')");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        // An edit that makes a latest value implausible, and one that moves values to another organization.
        await database.ExecuteAsync($"UPDATE member_metrics SET value = value * 1000 WHERE id IN (SELECT metric_id FROM member_metrics_latest WHERE member_id = '{member}')");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        await database.ExecuteAsync($"UPDATE member_metrics SET organization_id = '{other}' WHERE member_id = '{member}' AND organization_id = '{gym.Organization}' AND value < 200");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        // Deleting an organization sets its values' organization to NULL; deleting a member deletes their values.
        await database.ExecuteAsync($"DELETE FROM organizations WHERE id = '{other}'");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics_latest WHERE organization_id = $1", other.Value));
        var second = await database.AddUserAsync();
        await database.ExecuteAsync($"INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES (gen_random_uuid(), '{second}', '{definition}', 100, 'kg')");
        await database.ExecuteAsync($"DELETE FROM users WHERE id = '{second}'");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        await database.ExecuteAsync("TRUNCATE member_metrics");
        Assert.Equal(0L, await database.CountAsync("member_metrics_latest"));
    }

    [Fact]
    public async Task A_plausibility_set_by_hand_or_a_definition_changed_by_another_tool_is_decided_again()
    {
        var gym = await GymAsync();
        var definition = gym.Squat.Id.Value;
        var member = gym.Member.Value;

        // Another tool claims the opposite of the rules for both rows; the insert trigger puts both right.
        await database.ExecuteAsync($"""
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id, plausible) VALUES
                (gen_random_uuid(), '{member}', '{definition}', 100, 'kg', '2026-05-01Z', 'coach_input', '{gym.Organization}', false),
                (gen_random_uuid(), '{member}', '{definition}', 9999999, 'kg', '2026-05-02Z', 'coach_input', '{gym.Organization}', true);
            """);
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1 AND NOT plausible", member));

        await database.ExecuteAsync($"UPDATE member_metrics SET plausible = NOT plausible WHERE member_id = '{member}'");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);

        // A squat in seconds has no plausible value: every one of them is left out, the latest rows with them; then back.
        await database.ExecuteAsync($"UPDATE metric_definitions SET unit = 'seconds' WHERE id = '{definition}'");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE definition_id = $1 AND plausible", definition));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics_latest WHERE definition_id = $1", definition));
        await database.ExecuteAsync($"UPDATE metric_definitions SET unit = 'kg' WHERE id = '{definition}'");
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics_latest WHERE definition_id = $1", definition));
    }

    [Fact]
    public async Task Concurrent_writers_and_deleters_of_the_same_partitions_keep_the_latest_rows()
    {
        var gym = await GymAsync();
        var members = new[] { gym.Member.Value, (await database.AddUserAsync()).Value };
        var sources = new[] { "coach_input", "self_report" };

        // Eight connections, each inserting values at random times and deleting whatever is latest in a partition.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            await using var connection = await database.OpenConnectionAsync();
            for (var i = 0; i < 60; i++)
            {
                var (member, source) = (members[random.Next(members.Length)], sources[random.Next(sources.Length)]);
                await using var command = random.Next(4) == 0
                    ? new NpgsqlCommand(
                        $"DELETE FROM member_metrics WHERE id = (SELECT metric_id FROM member_metrics_latest WHERE member_id = '{member}' AND source = '{source}' LIMIT 1)",
                        connection)
                    : new NpgsqlCommand(
                        $"""
                        INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
                        VALUES (gen_random_uuid(), '{member}', '{gym.Squat.Id}', {random.Next(50, 200)}, 'kg', TIMESTAMPTZ '2026-01-01Z' + interval '{random.Next(0, 1000)} minutes', '{source}', '{gym.Organization}')
                        """,
                        connection);
                await command.ExecuteNonQueryAsync();
            }
        })));

        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_delete_racing_a_writer_of_the_same_partition_ends_with_the_right_row_or_a_serialization_failure(bool repeatableRead)
    {
        // The partition holds the value of hour 1 and, latest, of hour 3. A writer adds hour 2 and has not committed when
        // the latest is deleted: the right answer is hour 2, which the delete's snapshot cannot see.
        var gym = await GymAsync();
        var member = (await database.AddUserAsync()).Value;
        await database.ExecuteAsync(Insert(member, gym, "1"));
        await database.ExecuteAsync(Insert(member, gym, "3"));
        var latest = await database.ScalarAsync<Guid>("SELECT metric_id FROM member_metrics_latest WHERE member_id = $1", member);

        await using var writer = await database.OpenConnectionAsync();
        await using var writing = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(Insert(member, gym, "2"), writer, writing))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var deleter = await database.OpenConnectionAsync();
        await using var deleting = await deleter.BeginTransactionAsync(repeatableRead ? System.Data.IsolationLevel.RepeatableRead : System.Data.IsolationLevel.ReadCommitted);
        await using (var snapshot = new NpgsqlCommand("SELECT 1", deleter, deleting))
        {
            await snapshot.ExecuteScalarAsync();
        }

        var delete = Task.Run(async () =>
        {
            await using var command = new NpgsqlCommand($"DELETE FROM member_metrics WHERE id = '{latest}'", deleter, deleting);
            await command.ExecuteNonQueryAsync();
            await deleting.CommitAsync();
        });
        await WaitUntilBlockedAsync(deleter.ProcessID);
        await writing.CommitAsync();

        if (repeatableRead)
        {
            var failure = await Assert.ThrowsAsync<PostgresException>(() => delete);
            Assert.Equal(PostgresErrorCodes.SerializationFailure, failure.SqlState);
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE id = $1", latest));
        }
        else
        {
            await delete;
            Assert.Equal(2, await database.ScalarAsync<int>(
                "SELECT extract(hour FROM m.recorded_at)::int FROM member_metrics_latest AS l JOIN member_metrics AS m ON m.id = l.metric_id WHERE l.member_id = $1", member));
        }

        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
    }

    [Fact]
    public async Task An_import_terminated_before_its_commit_leaves_the_latest_rows_as_they_were()
    {
        var gym = await GymAsync();
        var member = (await database.AddUserAsync()).Value;
        await database.ExecuteAsync(Insert(member, gym, "1"));
        var before = await LatestValuesOracle.StoredAsync(database.ConnectionString);

        await using var writer = await database.OpenConnectionAsync();
        await using var writing = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
            SELECT gen_random_uuid(), '{member}', '{gym.Squat.Id}', 100 + g, 'kg', TIMESTAMPTZ '2026-02-01Z' + g * interval '1 minute', 'coach_input', '{gym.Organization}'
            FROM generate_series(1, 1000) AS g
            """,
            writer,
            writing))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await database.ExecuteAsync($"SELECT pg_terminate_backend({writer.ProcessID})");
        await Assert.ThrowsAnyAsync<Exception>(() => writing.CommitAsync());

        Assert.Equal(before, await LatestValuesOracle.StoredAsync(database.ConnectionString));
        await LatestValuesOracle.AssertKeptAsync(database.ConnectionString);
    }

    private static string Insert(Guid member, Gym gym, string hour) => $"""
        INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
        VALUES (gen_random_uuid(), '{member}', '{gym.Squat.Id}', 100, 'kg', TIMESTAMPTZ '2026-03-01 0{hour}:00Z', 'coach_input', '{gym.Organization}')
        """;

    private static RecordMetricRequest Request(Gym gym, decimal amount, int hoursAgo, bool coach, bool pounds = false, MemberMetricId? id = null) =>
        new(gym.Member, gym.Squat.Id, MetricValue.Of(amount, pounds ? MetricUnit.Pound : MetricUnit.Kilogram))
        {
            RecordedAt = Start - Duration.FromHours(hoursAgo),
            Source = coach ? MetricSource.CoachInput : MetricSource.SelfReport,
            Id = id,
        };

    private async Task WaitUntilBlockedAsync(int processId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await database.ScalarAsync<bool>("SELECT coalesce((SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1), false)", processId))
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("The delete never waited for the writer's lock.");
    }

    private async Task<Gym> GymAsync()
    {
        var scope = new ServiceScope(database.ConnectionString);
        var gym = await database.AddOrganizationAsync();
        var member = await database.AddUserAsync();
        scope.Directory.AddMember(member, gym);
        return new Gym(scope, gym, member, scope.StaffOf(gym), MetricViewer.ForMember(member), await scope.BackSquatAsync());
    }

    private sealed record Gym(ServiceScope Scope, OrganizationId Organization, UserId Member, MetricViewer Coach, MetricViewer Self, MetricDefinition Squat);
}
