using Npgsql;
using static MetricSets.IntegrationTests.Security.RowLevelSecurityDatabase;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// docs/row-level-security.sql against a session of the application role that tries to get around it: shadowing the
/// host's views, writing the catalogue, relying on a viewer left over from an earlier transaction, using what RLS does
/// not cover; and the script's own guards when it is applied.
/// </summary>
public sealed class RowLevelSecurityHardeningTest(RowLevelSecurityDatabase.Plain database) : IClassFixture<RowLevelSecurityDatabase.Plain>
{
    private static readonly string[] Helpers =
    [
        "metricsets_viewer_may_manage_set", "metricsets_viewer_may_use_set", "metricsets_viewer_members",
        "metricsets_viewer_organization_id", "metricsets_viewer_staff_organization_id", "metricsets_viewer_user_id",
    ];

    [Fact]
    public async Task A_temporary_view_cannot_make_a_member_staff_of_another_gym()
    {
        // TEMPORARY is granted to PUBLIC, as by default, and the session's own name resolves to its view; the helpers' do not.
        var (claims, values, sets) = await database.AsAsync(RlsViewer.Staff(MemberA, GymB), async connection =>
        {
            await ReadAsync(connection, $"""
                CREATE TEMP VIEW metricsets_memberships AS
                SELECT * FROM (VALUES ('{MemberA}'::uuid, '{GymB}'::uuid, 'staff'::text), ('{MemberB}', '{GymB}', 'member'),
                                      ('{MemberAB}', '{GymB}', 'member')) AS m (user_id, organization_id, role)
                """);
            await ReadAsync(connection, $"CREATE TEMP VIEW metricsets_workout_organizations AS SELECT '{WorkoutB}'::uuid AS workout_id, '{GymB}'::uuid AS organization_id");
            return (await ReadAsync(connection, "SELECT count(*) FROM metricsets_memberships"),
                    await ReadAsync(connection, "SELECT value::int FROM member_metrics ORDER BY value"),
                    await ReadAsync(connection, "SELECT name FROM metric_sets"));
        });

        Assert.Equal(["3"], claims);
        Assert.Equal(["11", "12"], values);
        Assert.Empty(sets);
    }

    [Fact]
    public async Task Helpers_run_as_the_tables_owner_with_a_fixed_search_path_and_only_the_app_role_may_call_them()
    {
        var helpers = await database.AdminQueryAsync($"""
            SELECT concat_ws(' | ', p.proname, p.prosecdef, array_to_string(p.proconfig, ';'), pg_get_userbyid(p.proowner),
                             has_function_privilege('public', p.oid, 'EXECUTE'), has_function_privilege('{AppRole}', p.oid, 'EXECUTE'))
            FROM pg_proc AS p WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'metricsets%' ORDER BY p.proname
            """);

        Assert.Equal([.. Helpers.Select(name => $"{name} | t | search_path=pg_catalog, public, pg_temp | {OwnerRole} | f | t")], helpers);
    }

    [Fact]
    public async Task The_app_role_reads_no_membership_facts_and_needs_none()
    {
        var refused = await database.RefusedAsync(RlsViewer.Staff(CoachA, GymA), "SELECT count(*) FROM metricsets_memberships");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

        Assert.Equal([11, 12, 21, 22, 23, 24], await database.VisibleValuesAsync(RlsViewer.Staff(CoachA, GymA)));
    }

    [Fact]
    public async Task The_catalogue_is_readable_by_anyone_and_writable_by_no_one()
    {
        foreach (var viewer in new[] { RlsViewer.Nobody, RlsViewer.Staff(CoachA, GymA) })
        {
            Assert.Equal(["back_squat_1rm"], await database.QueryAsync(viewer, "SELECT slug FROM metric_definitions"));
            var insert = await database.RefusedAsync(viewer, """
                INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind) VALUES (gen_random_uuid(), 'fake', '{"en": "Fake"}', 'kg', 'one_rep_max')
                """);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
            Assert.Equal(0, await database.ExecuteAsync(viewer, "UPDATE metric_definitions SET description = 'changed'"));
            Assert.Equal(0, await database.ExecuteAsync(viewer, "DELETE FROM metric_definitions"));
        }
    }

    [Fact]
    public async Task A_viewer_set_for_one_transaction_is_gone_in_the_next_on_the_same_connection()
    {
        const string Count = "SELECT count(*) FROM public.member_metrics";
        await using var connection = await database.OpenAppConnectionAsync();
        await using (var first = await connection.BeginTransactionAsync())
        {
            await SetViewerAsync(connection, RlsViewer.Staff(CoachA, GymA));
            Assert.Equal(["6"], await ReadAsync(connection, Count));
            await first.CommitAsync();
        }

        await using (var next = await connection.BeginTransactionAsync())
        {
            Assert.Equal(["0"], await ReadAsync(connection, Count));
        }

        Assert.Equal(["0"], await ReadAsync(connection, Count));
    }

    [Fact]
    public async Task What_row_level_security_does_not_cover_is_revoked_from_the_app_role()
    {
        var granted = await database.AdminQueryAsync($"""
            SELECT t || ' ' || p FROM unnest(ARRAY['member_metrics', 'metric_sets', 'metric_set_definitions', 'metric_definitions']) AS t,
                                      unnest(ARRAY['TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p
            WHERE has_table_privilege('{AppRole}', t, p)
            """);
        Assert.Empty(granted);

        var truncate = await database.RefusedAsync(RlsViewer.Staff(CoachA, GymA), "TRUNCATE member_metrics");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
    }

    [Fact]
    public async Task The_script_refuses_an_app_role_that_is_missing_or_bypasses_row_level_security()
    {
        foreach (var (appRole, message) in new[]
                 {
                     (OwnerRole, "bypasses row-level security"), ("postgres", "bypasses row-level security"),
                     (string.Empty, "Set metricsets.rls_app_role"), ("metricsets_no_such_role", "does not exist"),
                 })
        {
            await using var connection = new NpgsqlConnection(database.AdminConnectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ApplyScriptAsync(connection, appRole));
            Assert.Contains(message, refused.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Running_the_script_again_replaces_the_first_versions_policies_and_warns_of_others()
    {
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        var warnings = new List<string>();
        connection.Notice += (_, e) => warnings.Add(e.Notice.MessageText);
        await using var transaction = await connection.BeginTransactionAsync();
        await ReadAsync(connection, """
            CREATE POLICY member_metrics_viewer ON public.member_metrics USING (true);
            CREATE POLICY host_reports ON public.metric_sets FOR SELECT USING (true)
            """);

        await database.ApplyScriptAsync(connection, AppRole);

        var policies = await ReadAsync(connection, "SELECT tablename || '.' || policyname FROM pg_policies WHERE schemaname = 'public' ORDER BY 1");
        Assert.Equal(
            [
                "member_metrics.member_metrics_delete", "member_metrics.member_metrics_insert", "member_metrics.member_metrics_select",
                "metric_definitions.metric_definitions_select",
                "metric_set_definitions.metric_set_definitions_delete", "metric_set_definitions.metric_set_definitions_insert",
                "metric_set_definitions.metric_set_definitions_select", "metric_set_definitions.metric_set_definitions_update",
                "metric_sets.host_reports",
                "metric_sets.metric_sets_delete", "metric_sets.metric_sets_insert", "metric_sets.metric_sets_select", "metric_sets.metric_sets_update",
            ],
            policies);
        Assert.Equal(["Policy host_reports on public.metric_sets is not this script's; a permissive policy adds to what this script allows."], warnings);
    }
}
