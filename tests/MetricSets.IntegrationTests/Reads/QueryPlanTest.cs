using MetricSets.EntityFrameworkCore.Queries;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>A database large enough for the planner to care: 2,000 members × 20 definitions × 5 values, plus one member with a 5,000-value history.</summary>
public sealed class LargeDatabaseFixture : IAsyncLifetime
{
    public const int Members = 2000;
    public const int Definitions = 20;
    public const int ValuesPerMemberAndDefinition = 5;

    public string ConnectionString { get; private set; } = string.Empty;

    public Guid[] DefinitionIds { get; private set; } = [];

    public Guid[] MemberIds { get; private set; } = [];

    public Guid HeavyMember { get; } = Guid.Parse("00000000-0000-7000-8000-00000000beef");

    public Guid SetId { get; } = Guid.Parse("00000000-0000-7000-8000-0000000005e7");

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("metricsets_plans");
        await TestServer.ExecuteAsync(ConnectionString, $$"""
            INSERT INTO organizations (id) VALUES ('00000000-0000-7000-8000-000000000001');
            INSERT INTO users (id) SELECT uuid_in(md5('user' || g)::cstring) FROM generate_series(1, {{Members}}) g;
            INSERT INTO users (id) VALUES ('{{HeavyMember}}');
            INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind)
                SELECT uuid_in(md5('def' || g)::cstring), 'lift_' || g, '{"en": "Lift"}', 'kg', 'one_rep_max' FROM generate_series(1, {{Definitions}}) g;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source)
                SELECT gen_random_uuid(), u.id, d.id, 50 + (random() * 150)::numeric(14,4),
                       CASE WHEN random() < 0.5 THEN 'kg' ELSE 'lb' END::metric_unit,
                       now() - (v || ' days')::interval - (random() * interval '1 day'), 'coach_input'
                FROM (SELECT id FROM users WHERE id <> '{{HeavyMember}}') u CROSS JOIN metric_definitions d CROSS JOIN generate_series(1, {{ValuesPerMemberAndDefinition}}) v;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at)
                SELECT gen_random_uuid(), '{{HeavyMember}}', d.id, 100, 'kg', now() - (v || ' minutes')::interval
                FROM (SELECT id FROM metric_definitions ORDER BY id LIMIT 1) d CROSS JOIN generate_series(1, 5000) v;
            INSERT INTO metric_sets (id, name, organization_id) VALUES ('{{SetId}}', 'All lifts', '00000000-0000-7000-8000-000000000001');
            INSERT INTO metric_set_definitions (set_id, definition_id, sort_order)
                SELECT '{{SetId}}', id, row_number() OVER (ORDER BY slug) FROM metric_definitions;
            ANALYZE;
            """);
        DefinitionIds = await ReadGuidsAsync("SELECT id FROM metric_definitions ORDER BY id");
        MemberIds = await ReadGuidsAsync("SELECT id FROM users ORDER BY id LIMIT 1000");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<string> ExplainAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, connection);
        for (var index = 0; index < parameters.Length; index++)
        {
            // The library's SQL names its i-th parameter @p{i}.
            parameters[index].ParameterName = $"p{index + 1}";
            command.Parameters.Add(parameters[index]);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private async Task<Guid[]> ReadGuidsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }
}

/// <summary>
/// EXPLAIN ANALYZE of the exact SQL each hot read runs, over 205,000 rows: the seed's index serves member_metrics, and
/// member_metrics is never scanned sequentially.
/// </summary>
public sealed class QueryPlanTest(LargeDatabaseFixture large, ITestOutputHelper output) : IClassFixture<LargeDatabaseFixture>
{
    private const string MemberIndex = "member_metrics_member_def_recorded_idx";

    [Fact]
    public async Task The_table_is_large_enough_for_the_planner_to_care()
    {
        await using var connection = new NpgsqlConnection(large.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM member_metrics", connection);
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 200_000);
    }

    [Fact]
    public async Task Latest_values_probe_the_member_index_once_per_definition_even_for_a_deep_history()
    {
        var plan = await ExplainAsync(
            LastValuesQuery.Sql(await TablesAsync()),
            Uuid(large.HeavyMember), Uuids(large.DefinitionIds), new NpgsqlParameter<int> { TypedValue = 1 }, NoConfinement());

        AssertUsesMemberIndexWithoutSeqScan(plan);

        // Incremental sort stops at the first recorded_at group: the 5,000-value history is not read.
        Assert.DoesNotContain("rows=5000", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_bests_read_member_metrics_through_the_member_index()
    {
        var plan = await ExplainAsync(
            PersonalBestQuery.Sql(await TablesAsync()),
            Uuid(large.MemberIds[0]), Uuids(large.DefinitionIds), new NpgsqlParameter<string[]> { TypedValue = ["one_rep_max"], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }, NoConfinement());

        AssertUsesMemberIndexWithoutSeqScan(plan);
    }

    [Fact]
    public async Task History_is_a_range_scan_of_the_member_index()
    {
        var plan = await ExplainAsync(
            HistoryQuery.Sql(await TablesAsync()),
            Uuid(large.HeavyMember),
            Uuid(large.DefinitionIds.Order().First()),
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow.AddDays(-2) },
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow },
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow.AddDays(-1) },
            Uuid(Guid.Empty),
            new NpgsqlParameter<int> { TypedValue = 101 },
            NoConfinement());

        AssertUsesMemberIndexWithoutSeqScan(plan);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Leaderboards_probe_the_member_index_once_per_member(bool latestFirst)
    {
        var plan = await ExplainAsync(
            LeaderboardQuery.Sql(await TablesAsync()),
            Uuids(large.MemberIds),
            Uuid(large.DefinitionIds[0]),
            new NpgsqlParameter<bool> { TypedValue = latestFirst },
            new NpgsqlParameter<bool> { TypedValue = true },
            new NpgsqlParameter<decimal> { TypedValue = 0m },
            Uuid(Guid.Empty),
            new NpgsqlParameter<int> { TypedValue = 21 },
            new NpgsqlParameter<string[]> { TypedValue = ["one_rep_max"], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            NoConfinement(),
            new NpgsqlParameter<string[]?> { TypedValue = null, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

        AssertUsesMemberIndexWithoutSeqScan(plan);
        Assert.Contains("loops=1000", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_resolution_probes_the_member_index_per_definition_of_the_set()
    {
        var plan = await ExplainAsync(SetResolutionQuery.Sql(await TablesAsync()), Uuid(large.SetId), Uuid(large.MemberIds[0]), NoConfinement());

        AssertUsesMemberIndexWithoutSeqScan(plan);
        Assert.Contains("loops=20", plan, StringComparison.Ordinal);
    }

    private static void AssertUsesMemberIndexWithoutSeqScan(string plan)
    {
        Assert.Contains(MemberIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on member_metrics", plan, StringComparison.Ordinal);
    }

    private static NpgsqlParameter NoConfinement() => new NpgsqlParameter<Guid[]?> { TypedValue = null, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    private static NpgsqlParameter Uuids(Guid[] values) =>
        new NpgsqlParameter<Guid[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private async Task<string> ExplainAsync(string sql, params NpgsqlParameter[] parameters)
    {
        var plan = await large.ExplainAsync(sql, parameters);
        output.WriteLine(plan);
        return plan;
    }

    private async Task<MetricSetsTables> TablesAsync()
    {
        await using var context = new TestDbContext(TestServer.Options<TestDbContext>(large.ConnectionString));
        return MetricSetsTables.Of(context);
    }
}
