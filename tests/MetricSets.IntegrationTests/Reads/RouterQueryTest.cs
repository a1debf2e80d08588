using System.Reflection;
using System.Text.Json;
using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Commands;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.IntegrationTests.TestUtilities;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.IntegrationTests.Reads;

/// <summary>
/// The condition for Citus to run a statement on one shard (docs/scaling.md, member_metrics distributed by member_id):
/// every scan of member_metrics and member_metrics_latest in the plan of each hot member-scoped statement filters
/// member_id by equality with the statement's member, and an insert writes the statement's member. Checked on the plans of
/// the exact SQL (EXPLAIN, JSON), in both membership modes, so a change that reads another member's rows, or reads them
/// by another key, fails here; and every statement class of the library must be listed as member-scoped or as one that
/// fans out on purpose, so a new one cannot go unjudged.
/// </summary>
public sealed class RouterQueryTest(LargeDatabaseFixture large) : IClassFixture<LargeDatabaseFixture>
{
    private static readonly string[] Distributed = ["member_metrics", "member_metrics_latest"];

    /// <summary>The statements that may touch many members' rows, and why (each is in docs/scaling.md).</summary>
    private static readonly Dictionary<Type, string> FanOut = new()
    {
        [typeof(LeaderboardQuery)] = "an organization's leaderboard reads its members' rows: a multi-shard query",
    };

    /// <summary>The statements that read or write one member's rows: each must filter member_id by equality.</summary>
    private static readonly Type[] MemberScoped =
        [typeof(LastValuesQuery), typeof(PersonalBestQuery), typeof(HistoryQuery), typeof(SetResolutionQuery), typeof(RecordCommand)];

    [Fact]
    public void Every_statement_of_the_library_is_judged()
    {
        // A statement's SQL is built by a static method over the tables and the mapped memberships.
        var statements = typeof(MetricSetsTables).Assembly.GetTypes()
            .Where(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(method =>
                method.ReturnType == typeof(string) && method.GetParameters() is [{ ParameterType: var first }, { ParameterType: var second }, ..]
                && first == typeof(MetricSetsTables) && second == typeof(AccessShape)))
            .OrderBy(type => type.Name, StringComparer.Ordinal);

        Assert.Equal(statements, MemberScoped.Concat(FanOut.Keys).OrderBy(type => type.Name, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Member_scoped_reads_filter_member_id_by_equality_on_every_scan(MembershipSource memberships)
    {
        var member = large.MemberIds[0];
        var (tables, shape, access) = await AccessAsync(memberships, member, record: false);
        (string Name, string Sql, NpgsqlParameter[] Parameters)[] statements =
        [
            (nameof(LastValuesQuery), LastValuesQuery.Sql(tables, shape), [Uuid(member), Uuids(large.DefinitionIds), new NpgsqlParameter<int> { TypedValue = 10 }]),
            (nameof(PersonalBestQuery), PersonalBestQuery.Sql(tables, shape), [Uuid(member), Uuids(large.DefinitionIds), SqlParameters.HigherIsBetter(), SqlParameters.LowerIsBetter()]),
            (
                nameof(HistoryQuery),
                HistoryQuery.Sql(tables, shape),
                [
                    Uuid(member), Uuid(large.DefinitionIds[0]), Time(-30), Time(0), Time(-30), Uuid(Guid.Empty), new NpgsqlParameter<int> { TypedValue = 51 },
                ]),
            (nameof(SetResolutionQuery), SetResolutionQuery.Sql(tables, shape), [Uuid(large.SetId), Uuid(member)]),
        ];

        foreach (var (name, sql, parameters) in statements)
        {
            AssertRoutedTo(member, name, await ExplainAsync(sql, access, parameters));
        }
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Recording_reads_and_writes_only_the_members_rows(MembershipSource memberships)
    {
        var member = large.MemberIds[1];
        var (tables, shape, access) = await AccessAsync(memberships, member, record: true);
        NpgsqlParameter[] parameters =
        [
            Uuid(Guid.NewGuid()), Uuid(large.DefinitionIds[0]), Uuid(member), new NpgsqlParameter<decimal> { TypedValue = 100m },
            new NpgsqlParameter<MetricUnit> { TypedValue = MetricUnit.Kilogram }, Time(0), new NpgsqlParameter<string> { TypedValue = "coach_input" },
            new NpgsqlParameter<Guid?> { TypedValue = large.Gym.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
            new NpgsqlParameter<MetricUnit> { TypedValue = MetricUnit.Kilogram }, new NpgsqlParameter<MetricKind> { TypedValue = MetricKind.OneRepMax },
        ];

        AssertRoutedTo(member, nameof(RecordCommand), await ExplainAsync(RecordCommand.Sql(tables, shape), access, parameters));
    }

    [Fact]
    public async Task A_statement_that_reads_by_another_key_is_caught()
    {
        // The check itself: a read of one member's values by definition alone would fan out to every shard.
        var plan = await ExplainAsync(
            "SELECT mm.id FROM member_metrics AS mm WHERE mm.definition_id = @p1 AND mm.recorded_at > now() - interval '1 day'",
            null,
            Uuid(large.DefinitionIds[0]));

        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertRoutedTo(large.MemberIds[0], "by definition", plan));
    }

    // Each scan of a distributed table holds "member_id = '<member>'" in its conditions; an insert into one writes the member.
    private static void AssertRoutedTo(Guid member, string statement, JsonElement plan)
    {
        var equality = $"member_id = '{member:D}'::uuid";
        var nodes = Nodes(plan).Where(node => node.TryGetProperty("Relation Name", out var relation) && Distributed.Contains(relation.GetString())).ToList();
        Assert.True(nodes.Count > 0, $"{statement}: no scan of a distributed table in the plan");
        foreach (var node in nodes)
        {
            var relation = node.GetProperty("Relation Name").GetString();
            if (node.GetProperty("Node Type").GetString() == "ModifyTable")
            {
                var written = string.Join(' ', Nodes(node.GetProperty("Plans")[0]).SelectMany(child => child.TryGetProperty("Output", out var output) ? output.EnumerateArray().Select(o => o.GetString()) : []));
                Assert.True(written.Contains($"'{member:D}'::uuid", StringComparison.Ordinal), $"{statement}: the insert into {relation} does not write member {member}: {written}");
                continue;
            }

            var conditions = string.Join(
                " AND ",
                new[] { "Index Cond", "Recheck Cond", "Filter" }.Where(key => node.TryGetProperty(key, out _)).Select(key => node.GetProperty(key).GetString()));
            Assert.True(
                conditions.Contains(equality, StringComparison.Ordinal),
                $"{statement}: a {node.GetProperty("Node Type").GetString()} of {relation} does not filter {equality}: {conditions}");
        }
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    private async Task<JsonElement> ExplainAsync(string sql, StatementAccess? access, params NpgsqlParameter[] parameters)
    {
        var builder = new NpgsqlDataSourceBuilder(large.ConnectionString);
        builder.MapEnum<MetricUnit>("metric_unit", MetricSets.EntityFrameworkCore.Storage.PostgresEnumLabels.UnitTranslator);
        builder.MapEnum<MetricKind>("metric_kind", MetricSets.EntityFrameworkCore.Storage.PostgresEnumLabels.KindTranslator);
        await using var source = builder.Build();
        await using var connection = await source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) " + sql, connection);
        for (var index = 0; index < parameters.Length; index++)
        {
            parameters[index].ParameterName = $"p{index + 1}";
            command.Parameters.Add(parameters[index]);
        }

        command.Parameters.AddRange(access?.Parameters() ?? []);
        var json = (string)(await command.ExecuteScalarAsync())!;
        return JsonDocument.Parse(json).RootElement[0].GetProperty("Plan");
    }

    // The gym's coach: granted beforehand by a host directory, or decided in the statement from the mapped memberships.
    private async Task<(MetricSetsTables Tables, AccessShape Shape, StatementAccess Access)> AccessAsync(MembershipSource memberships, Guid member, bool record)
    {
        await using var context = new TestDbContext(TestServer.Options<TestDbContext>(large.ConnectionString));
        var options = new MetricSetsOptions();
        ServiceScope.MapMemberships(options);
        var rules = memberships == MembershipSource.Mapped ? MembershipSql.Of(context.Model, options.Memberships) : null;
        var coach = MetricViewer.ForStaff(large.Coach, large.Gym);
        var access = (rules, record) switch
        {
            (null, true) => StatementAccess.Everything(coach),
            (null, false) => StatementAccess.ForMemberRead(coach, new UserId(member), rules, [MetricAccessGrant.InOrganization(large.Gym)]),
            (_, true) => StatementAccess.ForRecording(coach, new UserId(member), rules),
            (_, false) => StatementAccess.ForMemberRead(coach, new UserId(member), rules, []),
        };
        return (MetricSetsTables.Of(context), access.Shape, access);
    }

    private static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    private static NpgsqlParameter Uuids(Guid[] values) => new NpgsqlParameter<Guid[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    private static NpgsqlParameter Time(int days) => new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow.AddDays(days) };
}
