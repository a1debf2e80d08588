using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.IntegrationTests.TestUtilities;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>
/// A database large enough for the planner to care: 2,000 members × 20 definitions × 5 values, plus one member with a
/// 5,000-value history of equal values and one with a 5,000-value history of distinct values.
/// </summary>
public sealed class LargeDatabaseFixture : IAsyncLifetime
{
    public const int Members = 2000;
    public const int Definitions = 20;
    public const int ValuesPerMemberAndDefinition = 5;

    public string ConnectionString { get; private set; } = string.Empty;

    public Guid[] DefinitionIds { get; private set; } = [];

    public Guid[] MemberIds { get; private set; } = [];

    public Guid HeavyMember { get; } = Guid.Parse("00000000-0000-7000-8000-00000000beef");

    public Guid DeepMember { get; } = Guid.Parse("00000000-0000-7000-8000-00000000dee9");

    public Guid SetId { get; } = Guid.Parse("00000000-0000-7000-8000-0000000005e7");

    public OrganizationId Gym { get; } = new(Guid.Parse("00000000-0000-7000-8000-000000000001"));

    public UserId Coach { get; } = new(Guid.Parse("00000000-0000-7000-8000-0000000c0ac4"));

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("metricsets_plans");
        await TestServer.ExecuteAsync(ConnectionString, $$"""
            INSERT INTO organizations (id) VALUES ('00000000-0000-7000-8000-000000000001');
            INSERT INTO users (id) SELECT uuid_in(md5('user' || g)::cstring) FROM generate_series(1, {{Members}}) g;
            INSERT INTO users (id) VALUES ('{{HeavyMember}}'), ('{{DeepMember}}');
            INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind)
                SELECT uuid_in(md5('def' || g)::cstring), 'lift_' || g, '{"en": "Lift"}', 'kg', 'one_rep_max' FROM generate_series(1, {{Definitions}}) g;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
                SELECT gen_random_uuid(), u.id, d.id, 50 + (random() * 150)::numeric(14,4),
                       CASE WHEN random() < 0.5 THEN 'kg' ELSE 'lb' END::metric_unit,
                       now() - (v || ' days')::interval - (random() * interval '1 day'), 'coach_input', '00000000-0000-7000-8000-000000000001'
                FROM (SELECT id FROM users WHERE id NOT IN ('{{HeavyMember}}', '{{DeepMember}}')) u CROSS JOIN metric_definitions d CROSS JOIN generate_series(1, {{ValuesPerMemberAndDefinition}}) v;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
                SELECT gen_random_uuid(), '{{HeavyMember}}', d.id, 100, 'kg', now() - (v || ' minutes')::interval, 'coach_input', '00000000-0000-7000-8000-000000000001'
                FROM (SELECT id FROM metric_definitions ORDER BY id LIMIT 1) d CROSS JOIN generate_series(1, 5000) v;
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
                SELECT gen_random_uuid(), '{{DeepMember}}', d.id, 50 + (v % 997) * 0.1, CASE WHEN v % 3 = 0 THEN 'lb' ELSE 'kg' END::metric_unit,
                       now() - interval '30 days' - (v || ' minutes')::interval, 'coach_input', '00000000-0000-7000-8000-000000000001'
                FROM metric_definitions d CROSS JOIN generate_series(1, 5000) v;
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
        var (tables, shape, access) = await AccessAsync(memberships, large.HeavyMember);
        var plan = await ExplainAsync(
            LastValuesQuery.Sql(tables, shape), access,
            Uuid(large.HeavyMember), Uuids(large.DefinitionIds), new NpgsqlParameter<int> { TypedValue = 1 });

        AssertProbesInIndexOrder(plan);

        // Incremental sort stops at the first recorded_at group: the 5,000-value history is not read.
        Assert.DoesNotContain("rows=5000", plan, StringComparison.Ordinal);

        // The staff read under mapped memberships is sent filtered first: the same probes.
        if (shape.StaffCheckAlone)
        {
            var filtered = await ExplainAsync(
                LastValuesQuery.FilteredSql(tables, shape), [.. access.Select(parameter => parameter.Clone())],
                Uuid(large.HeavyMember), Uuids(large.DefinitionIds), new NpgsqlParameter<int> { TypedValue = 1 });
            AssertProbesInIndexOrder(filtered);
            Assert.DoesNotContain("rows=5000", filtered, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(MembershipSource.Directory, memberships);
        }
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Personal_bests_are_one_probe_of_the_amount_index_per_definition_even_for_a_deep_history(MembershipSource memberships)
    {
        var (tables, shape, access) = await AccessAsync(memberships, large.DeepMember);
        var plan = await ExplainAsync(
            PersonalBestQuery.Sql(tables, shape), access,
            Uuid(large.DeepMember), Uuids(large.DefinitionIds), HigherIsBetter(), Texts("time"));

        // The kind's direction runs one of the two ordered probes (the other is a one-time filter that is false); the deep
        // member's 5,000 values of each definition (kg and lb mixed) are never read whole, never sorted whole.
        var probe = System.Text.RegularExpressions.Regex.Match(
            plan, @"Index Scan Backward using member_metrics_member_def_amount_idx on member_metrics mm \(actual rows=(\d+) loops=20\)");
        Assert.True(probe.Success, "the best-first probe of the amount index, once per definition, is not in the plan");
        Assert.InRange(int.Parse(probe.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 10); // the best's tie group, not 5,000
        Assert.Contains("One-Time Filter", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on member_metrics", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Bitmap Heap Scan on member_metrics", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task History_is_a_range_scan_of_the_member_index(MembershipSource memberships)
    {
        var (tables, shape, access) = await AccessAsync(memberships, large.HeavyMember);
        var plan = await ExplainAsync(
            HistoryQuery.Sql(tables, shape), access,
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
    public async Task Leaderboards_of_small_organizations_probe_the_member_index_once_per_member(bool latestFirst, MembershipSource memberships)
    {
        var (tables, shape, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(LeaderboardQuery.ProbeSql(tables, shape, capped: true), access, LeaderboardParameters(latestFirst, memberships, walkFrom: 5_000, window: 5_000));

        AssertProbesInIndexOrder(plan);

        // The directory lists 1,000 members; the mapped memberships give the gym's 2,002.
        Assert.Contains(memberships == MembershipSource.Directory ? "loops=1000" : "loops=2002", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_capped_probe_counts_a_large_organizations_members_only_up_to_the_threshold_and_probes_none(bool latestFirst)
    {
        var (tables, shape, access) = await AccessAsync(MembershipSource.Mapped);
        var plan = await ExplainAsync(LeaderboardQuery.ProbeSql(tables, shape, capped: true), access, LeaderboardParameters(latestFirst, MembershipSource.Mapped, walkFrom: 1_000, window: 1_000));

        Assert.Contains("rows=1000 loops=1", plan, StringComparison.Ordinal);
        Assert.Matches(@"Index Scan using member_metrics_member_def_recorded_idx on member_metrics mm \(never executed\)", plan);
    }

    [Theory]
    [InlineData(false, MembershipSource.Directory)]
    [InlineData(true, MembershipSource.Directory)]
    [InlineData(false, MembershipSource.Mapped)]
    [InlineData(true, MembershipSource.Mapped)]
    public async Task Leaderboards_of_large_organizations_walk_the_ranking_instead_of_probing_every_member(bool latestFirst, MembershipSource memberships)
    {
        // A window of 100 of the definition's 2,001 latest rows (10,000 values) is the proportion of a real window (5,000)
        // among a large platform's rows, so the planner walks the index in order as it does there.
        var (tables, shape, access) = await AccessAsync(memberships);
        var plan = await ExplainAsync(LeaderboardQuery.WalkSql(tables, shape, latestFirst), access, LeaderboardParameters(latestFirst, memberships, walkFrom: 1_000, window: 100));

        // Candidates come in rank order from one index and stop when the page is full; no member is probed.
        Assert.Contains(
            latestFirst ? "Index Scan using member_metrics_definition_idx on member_metrics" : "Index Scan Backward using member_metrics_latest_rank_idx on member_metrics_latest",
            plan,
            StringComparison.Ordinal);
        Assert.DoesNotContain("loops=1000", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("loops=2002", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on member_metrics", plan, StringComparison.Ordinal);
    }

    private NpgsqlParameter[] LeaderboardParameters(bool latestFirst, MembershipSource memberships, int walkFrom, int window) =>
    [
        Uuids(memberships == MembershipSource.Directory ? large.MemberIds : []),

        // Not the first definition: the heavy member's 5,000 values of it in the last days would fill a latest-first
        // window of someone else's older values.
        Uuid(large.DefinitionIds[1]),
        new NpgsqlParameter<bool> { TypedValue = latestFirst },
        new NpgsqlParameter<bool> { TypedValue = true },
        new NpgsqlParameter<decimal> { TypedValue = 0m },
        Uuid(Guid.Empty),
        new NpgsqlParameter<int> { TypedValue = 21 },
        HigherIsBetter(),
        new NpgsqlParameter<string[]?> { TypedValue = null, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
        Uuid(large.Gym.Value),
        new NpgsqlParameter<int> { TypedValue = walkFrom },
        new NpgsqlParameter<int> { TypedValue = window },
    ];

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Set_resolution_probes_the_member_index_per_definition_of_the_set(MembershipSource memberships)
    {
        var (tables, shape, access) = await AccessAsync(memberships, large.MemberIds[0]);
        var plan = await ExplainAsync(SetResolutionQuery.Sql(tables, shape), access, Uuid(large.SetId), Uuid(large.MemberIds[0]));

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

        // Among the nodes that ran (a leaderboard's walk, not taken, has bitmap scans of its own that never run).
        var executed = string.Join('\n', plan.Split('\n').Where(line => !line.Contains("(never executed)", StringComparison.Ordinal)));
        Assert.DoesNotContain("Bitmap Heap Scan on member_metrics ", executed, StringComparison.Ordinal);
    }

    private static NpgsqlParameter HigherIsBetter() => Texts("one_rep_max");

    private static NpgsqlParameter Texts(params string[] values) =>
        new NpgsqlParameter<string[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    private static NpgsqlParameter Uuids(Guid[] values) =>
        new NpgsqlParameter<Guid[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    [Fact]
    public async Task The_access_row_is_inlined_when_it_looks_nothing_up_and_probes_each_fact_once_for_staff()
    {
        await using var context = new TestDbContext(TestServer.Options<TestDbContext>(large.ConnectionString));
        var options = new MetricSetsOptions();
        ServiceScope.MapMemberships(options);
        var (tables, rules) = (MetricSetsTables.Of(context), MembershipSql.Of(context.Model, options.Memberships));
        var member = new UserId(large.MemberIds[0]);
        var self = StatementAccess.ForMemberRead(MetricViewer.ForMember(member), member, rules, []);
        var staff = StatementAccess.ForMemberRead(MetricViewer.ForStaff(large.Coach, large.Gym), member, rules, []);
        NpgsqlParameter[] Latest() => [Uuid(member.Value), Uuids(large.DefinitionIds), new NpgsqlParameter<int> { TypedValue = 1 }];

        var selfPlan = await ExplainAsync(LastValuesQuery.Sql(tables, self.Shape), self.Parameters(), Latest());
        var selfInGym = StatementAccess.ForMemberRead(MetricViewer.ForMember(member, large.Gym), member, rules, []);
        var selfSetPlan = await ExplainAsync(SetResolutionQuery.Sql(tables, selfInGym.Shape), selfInGym.Parameters(), Uuid(large.SetId), Uuid(member.Value));
        var staffPlan = await ExplainAsync(LastValuesQuery.Sql(tables, staff.Shape), staff.Parameters(), Latest());
        var staffSetPlan = await ExplainAsync(SetResolutionQuery.Sql(tables, staff.Shape), staff.Parameters(), Uuid(large.SetId), Uuid(member.Value));
        var staffFilteredPlan = await ExplainAsync(
            LastValuesQuery.FilteredSql(tables, staff.Shape), staff.Parameters(), Latest());
        var staffFilteredSetPlan = await ExplainAsync(
            SetResolutionQuery.FilteredSql(tables, staff.Shape), staff.Parameters(), Uuid(large.SetId), Uuid(member.Value));

        // The member themself: no access row to materialize, no membership read; resolving a set in their gym, the row
        // looks up their role there once (the set's visibility needs it), materialized.
        Assert.Equal((0, 0), (Count(selfPlan, "CTE access"), Count(selfPlan, " on memberships ")));
        Assert.Equal((1, 1), (Count(selfSetPlan, "CTE access"), Count(selfSetPlan, " on memberships ")));

        // Staff: one materialized row, the viewer's staff role and the member's membership probed once each. Set resolution
        // adds no probe: the check that held confirmed the viewer's roles and the resolved member's membership, and a set
        // of any other member is left to C#.
        Assert.Equal((1, 2), (Count(staffPlan, "CTE access"), Count(staffPlan, " on memberships ")));
        Assert.Equal((1, 2), (Count(staffSetPlan, "CTE access"), Count(staffSetPlan, " on memberships ")));

        // Staff reads, filtered: no row at all, the same two probes as a one-time filter of the read.
        Assert.Equal((0, 2, 1), (Count(staffFilteredPlan, "CTE access"), Count(staffFilteredPlan, " on memberships "), Count(staffFilteredPlan, "One-Time Filter")));
        AssertProbesInIndexOrder(staffFilteredPlan);
        Assert.Equal((0, 2, 1), (Count(staffFilteredSetPlan, "CTE access"), Count(staffFilteredSetPlan, " on memberships "), Count(staffFilteredSetPlan, "One-Time Filter")));

        static int Count(string plan, string text) => (plan.Length - plan.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;
    }

    private async Task<string> ExplainAsync(string sql, NpgsqlParameter[] access, params NpgsqlParameter[] parameters)
    {
        var plan = await large.ExplainAsync(sql, access, parameters);
        output.WriteLine(plan);
        return plan;
    }

    // The gym's coach reads the member's values (or, without one, the gym's leaderboard): granted by a host directory
    // beforehand, or decided in the statement from the mapped memberships.
    private async Task<(MetricSetsTables Tables, AccessShape Shape, NpgsqlParameter[] Access)> AccessAsync(MembershipSource memberships, Guid? member = null)
    {
        await using var context = new TestDbContext(TestServer.Options<TestDbContext>(large.ConnectionString));
        var options = new MetricSetsOptions();
        ServiceScope.MapMemberships(options);
        var rules = memberships == MembershipSource.Mapped ? MembershipSql.Of(context.Model, options.Memberships) : null;
        var coach = MetricViewer.ForStaff(large.Coach, large.Gym);
        MetricAccessGrant[] grants = rules is null ? [MetricAccessGrant.InOrganization(large.Gym)] : [];
        var access = member is { } id
            ? StatementAccess.ForMemberRead(coach, new UserId(id), rules, grants)
            : StatementAccess.ForOrganizationRead(coach, large.Gym, rules, grants);
        return (MetricSetsTables.Of(context), access.Shape, access.Parameters());
    }
}
