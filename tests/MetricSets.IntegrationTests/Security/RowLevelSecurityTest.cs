using Npgsql;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// docs/row-level-security.sql, applied over the schema: PostgreSQL itself refuses what the library's policy refuses, for
/// an application role that is neither owner nor superuser.
/// </summary>
public sealed class RowLevelSecurityTest : IAsyncLifetime
{
    private static readonly Guid GymA = Guid.Parse("0000000a-0000-7000-8000-000000000000");
    private static readonly Guid GymB = Guid.Parse("0000000b-0000-7000-8000-000000000000");
    private static readonly Guid CoachA = Guid.Parse("c000000a-0000-7000-8000-000000000000");
    private static readonly Guid MemberA = Guid.Parse("a0000001-0000-7000-8000-000000000000");
    private static readonly Guid MemberAB = Guid.Parse("ab000001-0000-7000-8000-000000000000");
    private static readonly Guid MemberB = Guid.Parse("b0000001-0000-7000-8000-000000000000");
    private static readonly Guid WorkoutB = Guid.Parse("00000b01-0000-7000-8000-000000000000");
    private static readonly Guid Definition = Guid.Parse("de000001-0000-7000-8000-000000000000");

    private string _owner = string.Empty;
    private string _app = string.Empty;

    public async Task InitializeAsync()
    {
        _owner = await TestServer.CreateEmptyDatabaseAsync("metricsets_rls");
        await TestServer.ExecuteAsync(_owner, TestServer.HostTablesSql);
        await TestServer.ExecuteAsync(_owner, TestServer.GenerateSchemaScript());
        await TestServer.ExecuteAsync(_owner, """
            CREATE TABLE metricsets_memberships (user_id uuid, organization_id uuid, role text);
            CREATE TABLE metricsets_workout_organizations (workout_id uuid, organization_id uuid);
            """);
        await TestServer.ExecuteAsync(_owner, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "row-level-security.sql")));
        var database = new NpgsqlConnectionStringBuilder(_owner).Database;
        await TestServer.ExecuteAsync(_owner, $$"""
            DO $$ BEGIN CREATE ROLE metricsets_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            GRANT SELECT, INSERT, UPDATE, DELETE ON member_metrics, metric_sets, metric_set_definitions, metric_definitions TO metricsets_app;
            GRANT SELECT ON metricsets_memberships, metricsets_workout_organizations TO metricsets_app;
            INSERT INTO organizations VALUES ('{{GymA}}'), ('{{GymB}}');
            INSERT INTO users VALUES ('{{CoachA}}'), ('{{MemberA}}'), ('{{MemberAB}}'), ('{{MemberB}}');
            INSERT INTO workouts VALUES ('{{WorkoutB}}');
            INSERT INTO metricsets_memberships VALUES
                ('{{CoachA}}', '{{GymA}}', 'staff'), ('{{MemberA}}', '{{GymA}}', 'member'),
                ('{{MemberAB}}', '{{GymA}}', 'member'), ('{{MemberAB}}', '{{GymB}}', 'member'), ('{{MemberB}}', '{{GymB}}', 'member');
            INSERT INTO metricsets_workout_organizations VALUES ('{{WorkoutB}}', '{{GymB}}');
            INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind) VALUES ('{{Definition}}', 'back_squat_1rm', '{"en": "Squat"}', 'kg', 'one_rep_max');
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit)
                SELECT gen_random_uuid(), m, '{{Definition}}', 100, 'kg' FROM unnest(ARRAY['{{MemberA}}', '{{MemberAB}}', '{{MemberB}}']::uuid[]) m;
            INSERT INTO metric_sets (id, name, organization_id) VALUES (gen_random_uuid(), 'A gym set', '{{GymA}}');
            INSERT INTO metric_sets (id, name, workout_id) VALUES (gen_random_uuid(), 'B workout set', '{{WorkoutB}}');
            INSERT INTO metric_sets (id, name, member_user_id) VALUES (gen_random_uuid(), 'B member set', '{{MemberB}}');
            INSERT INTO metric_set_definitions (set_id, definition_id) SELECT id, '{{Definition}}' FROM metric_sets;
            """);
        _app = new NpgsqlConnectionStringBuilder(_owner) { Username = "metricsets_app", Database = database }.ConnectionString;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_viewer_nothing_is_visible()
    {
        Assert.Equal(0L, await CountAsync(null, null, "member_metrics"));
        Assert.Equal(0L, await CountAsync(null, null, "metric_sets"));
        Assert.Equal(0L, await CountAsync(null, null, "metric_set_definitions"));
        Assert.Equal(1L, await CountAsync(null, null, "metric_definitions"));
    }

    [Fact]
    public async Task A_member_sees_only_their_own_values()
    {
        Assert.Equal([MemberB], await MembersVisibleAsync(MemberB, null));
        Assert.Equal([MemberB], await MembersVisibleAsync(MemberB, GymB));
    }

    [Fact]
    public async Task Staff_see_their_organizations_members_and_nothing_of_non_members()
    {
        Assert.Equal([MemberA, MemberAB], await MembersVisibleAsync(CoachA, GymA));
    }

    [Fact]
    public async Task Staff_claiming_another_organization_see_nothing_of_others()
    {
        Assert.Empty(await MembersVisibleAsync(CoachA, GymB));
        Assert.Empty(await MembersVisibleAsync(CoachA, null));
    }

    [Fact]
    public async Task Sets_are_visible_inside_their_organization_and_to_their_member()
    {
        Assert.Equal(["A gym set"], await SetNamesAsync(MemberA, GymA));
        Assert.Equal(["A gym set"], await SetNamesAsync(CoachA, GymA));
        Assert.Equal(["B workout set"], await SetNamesAsync(MemberAB, GymB));
        Assert.Equal(["B member set", "B workout set"], await SetNamesAsync(MemberB, GymB));
        Assert.Empty(await SetNamesAsync(MemberA, GymB));
        Assert.Equal(1L, await CountAsync(CoachA, GymA, "metric_set_definitions"));
    }

    [Fact]
    public async Task Writes_outside_the_viewers_reach_are_refused()
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAsync(
            CoachA, GymA, $"INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES (gen_random_uuid(), '{MemberB}', '{Definition}', 1, 'kg')"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

        var setRefused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAsync(
            MemberA, GymA, $"INSERT INTO metric_sets (id, name, organization_id) VALUES (gen_random_uuid(), 'Not staff', '{GymA}')"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, setRefused.SqlState);

        // Within reach it works: staff of A record for a member of A.
        await ExecuteAsAsync(
            CoachA, GymA, $"INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES (gen_random_uuid(), '{MemberA}', '{Definition}', 1, 'kg')");
    }

    private async Task<List<Guid>> MembersVisibleAsync(Guid viewer, Guid? organization) =>
        [.. (await QueryAsync(viewer, organization, "SELECT DISTINCT member_id::text FROM member_metrics ORDER BY 1")).Select(Guid.Parse)];

    private Task<List<string>> SetNamesAsync(Guid viewer, Guid? organization) =>
        QueryAsync(viewer, organization, "SELECT name FROM metric_sets ORDER BY name");

    private async Task<long> CountAsync(Guid? viewer, Guid? organization, string table) =>
        long.Parse((await QueryAsync(viewer, organization, $"SELECT count(*)::text FROM {table}"))[0], System.Globalization.CultureInfo.InvariantCulture);

    private async Task ExecuteAsAsync(Guid viewer, Guid? organization, string sql) => await QueryAsync(viewer, organization, sql);

    private async Task<List<string>> QueryAsync(Guid? viewer, Guid? organization, string sql)
    {
        await using var connection = new NpgsqlConnection(_app);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(
            "SELECT set_config('metricsets.viewer_user_id', $1, true), set_config('metricsets.viewer_organization_id', $2, true)", connection, transaction))
        {
            set.Parameters.Add(new NpgsqlParameter<string> { TypedValue = viewer?.ToString() ?? string.Empty });
            set.Parameters.Add(new NpgsqlParameter<string> { TypedValue = organization?.ToString() ?? string.Empty });
            await set.ExecuteNonQueryAsync();
        }

        var rows = new List<string>();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        await transaction.CommitAsync();
        return rows;
    }
}
