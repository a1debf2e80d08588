using Npgsql;
using static MetricSets.IntegrationTests.Security.RowLevelSecurityDatabase;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// docs/row-level-security.sql over tables without the provenance column, in <c>public</c>: PostgreSQL itself refuses
/// what the library's default rules refuse, to an application role that neither owns the tables nor is a superuser, even
/// with every privilege on them that row-level security governs.
/// </summary>
public sealed class RowLevelSecurityTest(RowLevelSecurityDatabase.Plain database) : IClassFixture<RowLevelSecurityDatabase.Plain>
{
    [Fact]
    public async Task Without_a_viewer_or_with_an_unknown_role_nothing_is_visible_but_the_catalogue()
    {
        foreach (var nobody in new[] { RlsViewer.Nobody, new RlsViewer(MemberA, null, string.Empty), new RlsViewer(CoachA, GymA, "admin") })
        {
            Assert.Equal(["0", "0", "0", "1"], await database.QueryAsync(nobody, """
                SELECT count(*) FROM member_metrics UNION ALL SELECT count(*) FROM metric_sets
                UNION ALL SELECT count(*) FROM metric_set_definitions UNION ALL SELECT count(*) FROM metric_definitions
                """));
        }
    }

    [Fact]
    public async Task A_member_sees_all_of_their_own_values_and_nobody_elses()
    {
        Assert.Equal([31, 32], await database.VisibleValuesAsync(RlsViewer.Member(MemberB)));
        Assert.Equal([31, 32], await database.VisibleValuesAsync(RlsViewer.Member(MemberB, GymB)));
        Assert.Equal([21, 22, 23, 24], await database.VisibleValuesAsync(RlsViewer.Member(MemberAB, GymA)));
    }

    [Fact]
    public async Task Confirmed_staff_see_the_values_of_their_organizations_members_and_no_one_elses()
    {
        Assert.Equal([11, 12, 21, 22, 23, 24], await database.VisibleValuesAsync(RlsViewer.Staff(CoachA, GymA)));
        Assert.Equal([21, 22, 23, 24, 31, 32], await database.VisibleValuesAsync(RlsViewer.Staff(CoachB, GymB)));
    }

    [Fact]
    public async Task A_claimed_role_counts_only_where_the_memberships_confirm_it()
    {
        Assert.Empty(await database.VisibleValuesAsync(RlsViewer.Staff(CoachA, GymB)));
        Assert.Empty(await database.VisibleValuesAsync(RlsViewer.Member(CoachA)));
        Assert.Equal([21, 22, 23, 24], await database.VisibleValuesAsync(RlsViewer.Staff(MemberAB, GymA)));

        // Staff acting as a member of their gym are a member there: they read no one else's values.
        Assert.Empty(await database.VisibleValuesAsync(RlsViewer.Member(CoachA, GymA)));
    }

    [Fact]
    public async Task Sets_are_visible_inside_their_organization_and_to_their_member()
    {
        const string Sets = "SELECT name FROM metric_sets ORDER BY name";
        Assert.Equal(["A gym set"], await database.QueryAsync(RlsViewer.Member(MemberA, GymA), Sets));
        Assert.Equal(["A gym set"], await database.QueryAsync(RlsViewer.Staff(CoachA, GymA), Sets));
        Assert.Equal(["B workout set"], await database.QueryAsync(RlsViewer.Member(MemberAB, GymB), Sets));
        Assert.Equal(["B member set", "B workout set"], await database.QueryAsync(RlsViewer.Member(MemberB, GymB), Sets));
        Assert.Equal(["B member set", "B workout set"], await database.QueryAsync(RlsViewer.Staff(CoachB, GymB), Sets));
        Assert.Empty(await database.QueryAsync(RlsViewer.Member(MemberA, GymB), Sets));
        Assert.Empty(await database.QueryAsync(RlsViewer.Member(MemberA), Sets));
    }

    [Fact]
    public async Task Only_confirmed_staff_manage_their_organizations_sets_and_only_there()
    {
        var notStaff = await database.RefusedAsync(
            RlsViewer.Member(MemberA, GymA), $"INSERT INTO metric_sets (id, name, organization_id) VALUES (gen_random_uuid(), 'Not staff', '{GymA}')");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, notStaff.SqlState);

        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Staff(CoachA, GymA), "UPDATE metric_sets SET name = 'Renamed'"));
        var moved = await database.RefusedAsync(RlsViewer.Staff(CoachA, GymA), $"UPDATE metric_sets SET organization_id = '{GymB}'");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Staff(CoachA, GymA), "DELETE FROM metric_sets WHERE name LIKE 'B%'"));
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Member(MemberA, GymA), "DELETE FROM metric_sets"));

        // A member manages their own set; the staff of their gym do too.
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Member(MemberB), "DELETE FROM metric_sets"));
        Assert.Equal(2, await database.ExecuteAsync(RlsViewer.Staff(CoachB, GymB), "DELETE FROM metric_sets"));
    }

    [Fact]
    public async Task Set_entries_follow_their_set()
    {
        Assert.Equal(["1"], await database.QueryAsync(RlsViewer.Staff(CoachA, GymA), "SELECT count(*) FROM metric_set_definitions"));
        Assert.Equal(["2"], await database.QueryAsync(RlsViewer.Member(MemberB, GymB), "SELECT count(*) FROM metric_set_definitions"));

        // A member of B sees the entries of B's workout set and of their own set, but changes only their own; B's staff both.
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Member(MemberB, GymB), "UPDATE metric_set_definitions SET sort_order = 5"));
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Member(MemberB, GymB), "DELETE FROM metric_set_definitions WHERE set_id IN (SELECT id FROM metric_sets WHERE workout_id IS NOT NULL)"));
        Assert.Equal(2, await database.ExecuteAsync(RlsViewer.Staff(CoachB, GymB), "DELETE FROM metric_set_definitions"));

        // B's staff can neither add to A's set nor move B's entry into it.
        var gymSetA = (await database.AdminQueryAsync("SELECT id FROM metric_sets WHERE name = 'A gym set'"))[0];
        foreach (var sql in new[]
        {
            $"INSERT INTO metric_set_definitions (set_id, definition_id, sort_order) VALUES ('{gymSetA}', '{Definition}', 1)",
            $"UPDATE metric_set_definitions SET set_id = '{gymSetA}'",
        })
        {
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await database.RefusedAsync(RlsViewer.Staff(CoachB, GymB), sql)).SqlState);
        }
    }

    [Fact]
    public async Task Members_record_only_self_reports_and_only_for_themselves()
    {
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Member(MemberA), database.InsertValue(MemberA, 13, "self_report")));

        foreach (var (member, source) in new (Guid, string?)[] { (MemberA, "coach_input"), (MemberA, null), (MemberB, "self_report") })
        {
            var refused = await database.RefusedAsync(RlsViewer.Member(MemberA, GymA), database.InsertValue(member, 13, source));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task Staff_record_for_their_organizations_members_and_never_as_self_reports()
    {
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Staff(CoachA, GymA), database.InsertValue(MemberAB, 25, "coach_input")));
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Staff(CoachA, GymA), database.InsertValue(MemberAB, 25, null)));

        foreach (var (member, source) in new (Guid, string?)[] { (MemberA, "self_report"), (MemberB, "coach_input"), (Outsider, "coach_input") })
        {
            var refused = await database.RefusedAsync(RlsViewer.Staff(CoachA, GymA), database.InsertValue(member, 25, source));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task No_one_edits_a_value_not_even_the_member_it_belongs_to()
    {
        // A member would otherwise rewrite the coach's value on their own record (11), or move it.
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Member(MemberA), "UPDATE member_metrics SET value = 999"));
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Member(MemberA, GymA), $"UPDATE member_metrics SET member_id = '{MemberAB}'"));
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Staff(CoachA, GymA), $"UPDATE member_metrics SET member_id = '{MemberA}' WHERE member_id = '{MemberAB}'"));
        Assert.Equal(0, await database.ExecuteAsync(RlsViewer.Staff(CoachA, GymA), "UPDATE member_metrics SET source = 'coach_input'"));
    }

    [Fact]
    public async Task Members_delete_only_their_own_self_reports()
    {
        Assert.Equal(["12"], await database.QueryAsync(RlsViewer.Member(MemberA, GymA), "DELETE FROM member_metrics RETURNING value::int"));
    }

    [Fact]
    public async Task Staff_delete_their_members_values_but_never_a_self_report()
    {
        // Without the provenance column where a value was recorded is unknown: staff of any gym the member belongs to
        // may delete any value but a self-report (as the library's rules say).
        Assert.Equal(["11", "21", "23", "24"], await database.QueryAsync(
            RlsViewer.Staff(CoachA, GymA), "WITH deleted AS (DELETE FROM member_metrics RETURNING value::int AS v) SELECT v FROM deleted ORDER BY v"));
    }
}
