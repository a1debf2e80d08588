using Npgsql;
using static MetricSets.IntegrationTests.Security.RowLevelSecurityDatabase;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// docs/row-level-security.sql over tables with the provenance column <c>member_metrics.organization_id</c>, in a schema of
/// the host's (<c>gym</c>): staff of a gym read, record and delete only what is recorded there, as under
/// <c>MemberMetricProvenance.Restrict</c>.
/// </summary>
public sealed class RowLevelSecurityProvenanceTest(RowLevelSecurityDatabase.WithProvenance database)
    : IClassFixture<RowLevelSecurityDatabase.WithProvenance>
{
    [Fact]
    public async Task Staff_see_values_recorded_in_their_gym_and_the_members_self_reports()
    {
        Assert.Equal([11, 12, 21, 22], await database.VisibleValuesAsync(RlsViewer.Staff(CoachA, GymA)));
        Assert.Equal([22, 23, 31, 32], await database.VisibleValuesAsync(RlsViewer.Staff(CoachB, GymB)));
        Assert.Equal([21, 22, 23, 24], await database.VisibleValuesAsync(RlsViewer.Member(MemberAB)));
    }

    [Fact]
    public async Task Staff_cannot_move_or_delete_a_shared_members_values_recorded_at_another_gym()
    {
        var coachA = RlsViewer.Staff(CoachA, GymA);
        Assert.Equal(0, await database.ExecuteAsync(coachA, $"UPDATE member_metrics SET organization_id = '{GymA}' WHERE member_id = '{MemberAB}'"));
        Assert.Equal(0, await database.ExecuteAsync(coachA, $"UPDATE member_metrics SET member_id = '{MemberA}' WHERE member_id = '{MemberAB}'"));

        // What A's staff may delete: values recorded in A (11, 21); not B's (23), not unrecorded ones (24), no self-report.
        Assert.Equal(["11", "21"], await database.QueryAsync(
            coachA, "WITH deleted AS (DELETE FROM member_metrics RETURNING value::int AS v) SELECT v FROM deleted ORDER BY v"));
    }

    [Fact]
    public async Task Staff_record_only_in_their_gym_and_never_as_self_reports()
    {
        var coachA = RlsViewer.Staff(CoachA, GymA);
        Assert.Equal(1, await database.ExecuteAsync(coachA, database.InsertValue(MemberAB, 25, "coach_input", GymA)));

        foreach (var (source, recordedIn) in new (string, Guid?)[]
                 {
                     ("self_report", GymB), ("coach_input", GymB), ("self_report", GymA), ("coach_input", null),
                 })
        {
            var refused = await database.RefusedAsync(coachA, database.InsertValue(MemberAB, 25, source, recordedIn));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task Members_record_self_reports_nowhere_or_in_a_gym_they_act_in_and_belong_to()
    {
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Member(MemberAB), database.InsertValue(MemberAB, 25, "self_report")));
        Assert.Equal(1, await database.ExecuteAsync(RlsViewer.Member(MemberAB, GymA), database.InsertValue(MemberAB, 25, "self_report", GymA)));

        foreach (var (viewer, recordedIn) in new (RlsViewer, Guid)[]
                 {
                     (RlsViewer.Member(MemberAB, GymA), GymB), (RlsViewer.Member(MemberAB), GymA), (RlsViewer.Member(MemberA, GymB), GymB),
                 })
        {
            var refused = await database.RefusedAsync(viewer, database.InsertValue(viewer.User!.Value, 25, "self_report", recordedIn));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task The_latest_rows_show_a_viewer_what_the_values_show_them_and_no_session_writes_them()
    {
        const string Oracle = """
            SELECT DISTINCT ON (member_id, definition_id, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'), coalesce(source, ''))
                   id::text
            FROM member_metrics
            ORDER BY member_id, definition_id, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'), coalesce(source, ''), recorded_at DESC, id DESC
            """;
        foreach (var viewer in new[] { RlsViewer.Staff(CoachA, GymA), RlsViewer.Staff(CoachB, GymB), RlsViewer.Member(MemberAB), RlsViewer.Nobody })
        {
            // A partition is visible or hidden as a whole (organization and source decide), so the latest rows a viewer sees
            // are the latest of the values they see.
            var latest = await database.QueryAsync(viewer, "SELECT metric_id::text FROM member_metrics_latest");
            Assert.Equal((await database.QueryAsync(viewer, Oracle)).Order(), latest.Order());
        }

        var coachA = RlsViewer.Staff(CoachA, GymA);
        Assert.NotEmpty(await database.QueryAsync(coachA, "SELECT 1 FROM member_metrics_latest"));
        var forged = await database.RefusedAsync(coachA, $"""
            INSERT INTO member_metrics_latest (member_id, definition_id, organization_id, source, metric_id, recorded_at, base_amount)
            VALUES ('{MemberA}', '{Definition}', '{GymA}', 'forged', gen_random_uuid(), now(), 999)
            """);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, forged.SqlState);
        Assert.Equal(0, await database.ExecuteAsync(coachA, "UPDATE member_metrics_latest SET base_amount = 999"));
        Assert.Equal(0, await database.ExecuteAsync(coachA, "DELETE FROM member_metrics_latest"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await database.RefusedAsync(coachA, "TRUNCATE member_metrics_latest")).SqlState);
    }
}
