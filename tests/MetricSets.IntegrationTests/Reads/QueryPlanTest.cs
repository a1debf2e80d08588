using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.IntegrationTests.TestUtilities;
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

    public OrganizationId Gym { get; } = new(Guid.Parse("00000000-0000-7000-8000-000000000001"));

    public UserId Coach { get; } = new(Guid.Parse("00000000-0000-7000-8000-0000000c0ac4"));

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("metricsets_plans");
        await TestServer.ExecuteAsync(ConnectionString, $$"""
            INSERT INTO organizations (id) VALUES ('00000000-0000-7000-8000-000000000001');
            INSERT INTO users (id) SELECT uuid_in(md5('user' || g)::cstring) FROM generate_series(1, {{Members}}) g;
            INSERT INTO users (id) VALUES ('{{HeavyMember}}');
            INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind)
                SELECT uuid_in(md5('def' || g)::cstring), 'lift_' || g, '{"en": "Lift"}', 'kg', 'one_rep_max' FROM generate_series(1, {{Definitions}}) g;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
                SELECT gen_random_uuid(), u.id, d.id, 50 + (random() * 150)::numeric(14,4),
                       CASE WHEN random() < 0.5 THEN 'kg' ELSE 'lb' END::metric_unit,
                       now() - (v || ' days')::interval - (random() * interval '1 day'), 'coach_input', '00000000-0000-7000-8000-000000000001'
                FROM (SELECT id FROM users WHERE id <> '{{HeavyMember}}') u CROSS JOIN metric_definitions d CROSS JOIN generate_series(1, {{ValuesPerMemberAndDefinition}}) v;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
                SELECT gen_random_uuid(), '{{HeavyMember}}', d.id, 100, 'kg', now() - (v || ' minutes')::interval, 'coach_input', '00000000-0000-7000-8000-000000000001'
                FROM (SELECT id FROM metric_definitions ORDER BY id LIMIT 1) d CROSS JOIN generate_series(1, 5000) v;
            INSERT INTO metric_sets (id, name, organization_id) VALUES ('{{SetId}}', 'All lifts', '00000000-0000-7000-8000-000000000001');
            INSERT INTO users (id) VALUES ('{{Coach}}');
            INSERT INTO memberships (user_id, organization_id, role) VALUES ('{{Coach}}', '{{Gym}}', 'staff');
            INSERT INTO memberships (user_id, organization_id, role) SELECT id, '{{Gym}}', 'member' FROM users WHERE id <> '{{Coach}}';
            INSERT INTO metric_set_definitions (set_id, definition_id, sort_order)
                SELECT '{{SetId}}', id, row_number() OVER (ORDER BY slug) FROM metric_definitions;
            ANALYZE;
            """);
        DefinitionIds = await ReadGuidsAsync("SELECT id FROM metric_definitions ORDER BY id");
        MemberIds = await ReadGuidsAsync("SELECT id FROM users ORDER BY id LIMIT 1000");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<string> ExplainAsync(string sql, NpgsqlParameter[] access, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, connection);
        for (var index = 0; index < parameters.Length; index++)
        {
            // The library's SQL names its i-th parameter @p{i}, and the access decision's by name.
            parameters[index].ParameterName = $"p{index + 1}";
            command.Parameters.Add(parameters[index]);
        }

        command.Parameters.AddRange(access);

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
/// EXPLAIN ANALYZE of the exact SQL each hot read runs, over 205,000 rows, as a gym's coach reads (the access decision
/// made by a host directory, or inside the statement from mapped memberships): the seed's index serves member_metrics,
/// and member_metrics is never scanned sequentially.
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

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Latest_values_probe_the_member_index_once_per_definition_even_for_a_deep_history(MembershipSource memberships)
    {
        var (tables, rules, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(
            LastValuesQuery.Sql(tables, rules), access,
            Uuid(large.HeavyMember), Uuids(large.DefinitionIds), new NpgsqlParameter<int> { TypedValue = 1 });

        AssertProbesInIndexOrder(plan);

        // Incremental sort stops at the first recorded_at group: the 5,000-value history is not read.
        Assert.DoesNotContain("rows=5000", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Personal_bests_read_member_metrics_through_the_member_index(MembershipSource memberships)
    {
        var (tables, rules, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(
            PersonalBestQuery.Sql(tables, rules), access,
            Uuid(large.MemberIds[0]), Uuids(large.DefinitionIds), new NpgsqlParameter<string[]> { TypedValue = ["one_rep_max"], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

        AssertUsesMemberIndexWithoutSeqScan(plan);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task History_is_a_range_scan_of_the_member_index(MembershipSource memberships)
    {
        var (tables, rules, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(
            HistoryQuery.Sql(tables, rules), access,
            Uuid(large.HeavyMember),
            Uuid(large.DefinitionIds.Order().First()),
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow.AddDays(-2) },
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow },
            new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow.AddDays(-1) },
            Uuid(Guid.Empty),
            new NpgsqlParameter<int> { TypedValue = 101 });

        // A bounded range: the planner may fetch it by bitmap and sort it (it does, depending on the sampled statistics);
        // what must not happen is a scan of the table.
        AssertUsesMemberIndexWithoutSeqScan(plan);
    }

    [Theory]
    [InlineData(false, MembershipSource.Directory)]
    [InlineData(true, MembershipSource.Directory)]
    [InlineData(false, MembershipSource.Mapped)]
    [InlineData(true, MembershipSource.Mapped)]
    public async Task Leaderboards_probe_the_member_index_once_per_member(bool latestFirst, MembershipSource memberships)
    {
        var (tables, rules, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(
            LeaderboardQuery.Sql(tables, rules), access,
            Uuids(memberships == MembershipSource.Directory ? large.MemberIds : []),
            Uuid(large.DefinitionIds[0]),
            new NpgsqlParameter<bool> { TypedValue = latestFirst },
            new NpgsqlParameter<bool> { TypedValue = true },
            new NpgsqlParameter<decimal> { TypedValue = 0m },
            Uuid(Guid.Empty),
            new NpgsqlParameter<int> { TypedValue = 21 },
            new NpgsqlParameter<string[]> { TypedValue = ["one_rep_max"], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter<string[]?> { TypedValue = null, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            Uuid(large.Gym.Value));

        AssertProbesInIndexOrder(plan);

        // The directory lists 1,000 members; the mapped memberships give the gym's 2,001.
        Assert.Contains(memberships == MembershipSource.Directory ? "loops=1000" : "loops=2001", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Set_resolution_probes_the_member_index_per_definition_of_the_set(MembershipSource memberships)
    {
        var (tables, rules, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(SetResolutionQuery.Sql(tables, rules), access, Uuid(large.SetId), Uuid(large.MemberIds[0]));

        AssertProbesInIndexOrder(plan);
        Assert.Contains("loops=20", plan, StringComparison.Ordinal);
    }

    private static void AssertUsesMemberIndexWithoutSeqScan(string plan)
    {
        Assert.Contains(MemberIndex, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on member_metrics", plan, StringComparison.Ordinal);
    }

    // An ordered probe stops at the first rows it needs; a bitmap scan reads a member's whole history of the definition
    // and sorts it (what the planner chose when it misjudged the plausibility filter's selectivity).
    private static void AssertProbesInIndexOrder(string plan)
    {
        AssertUsesMemberIndexWithoutSeqScan(plan);
        Assert.DoesNotContain("Bitmap Heap Scan on member_metrics", plan, StringComparison.Ordinal);
    }

    private static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    private static NpgsqlParameter Uuids(Guid[] values) =>
        new NpgsqlParameter<Guid[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private async Task<string> ExplainAsync(string sql, NpgsqlParameter[] access, params NpgsqlParameter[] parameters)
    {
        var plan = await large.ExplainAsync(sql, access, parameters);
        output.WriteLine(plan);
        return plan;
    }

    // The gym's coach reads: granted by a host directory beforehand, or decided in the statement from the mapped memberships.
    private async Task<(MetricSetsTables Tables, MembershipSql? Rules, NpgsqlParameter[] Access)> AccessAsync(MembershipSource memberships)
    {
        await using var context = new TestDbContext(TestServer.Options<TestDbContext>(large.ConnectionString));
        var options = new MetricSetsOptions();
        ServiceScope.MapMemberships(options);
        var rules = memberships == MembershipSource.Mapped ? MembershipSql.Of(context.Model, options.Memberships) : null;
        var coach = MetricViewer.ForStaff(large.Coach, large.Gym);
        var access = new StatementAccess(coach, rules, rules is null ? [MetricAccessGrant.InOrganization(large.Gym)] : []);
        return (MetricSetsTables.Of(context), rules, access.Parameters());
    }
}
