using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Access;
using MetricSets.IntegrationTests.TestUtilities;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// What a statement's verdict tells the rest of the call: a staff role is remembered as confirmed (and never asked of the
/// directory again in that call) only when the statement's staff check held and granted the read; a refused check, or a
/// check that confirmed some role rather than a staff one, confirms nothing. And only a verdict that is the staff check
/// alone may stand as a read's filter, with no verdict row.
/// </summary>
public sealed class StatementVerdictTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly OrganizationId Gym = OrganizationId.New();
    private static readonly UserId Member = UserId.New();

    [Fact]
    public void A_staff_check_that_granted_confirms_the_staff_role_where_it_was_made()
    {
        var verdict = StatementAccess.ForMemberRead(MetricViewer.ForStaff(UserId.New(), Gym), Member, Rules(), []).Verdict(granted: true, held: true);

        Assert.Equal((true, Gym), (verdict.Granted, verdict.StaffConfirmedIn));
        Assert.Equal([Gym.Value], verdict.GrantedIn!);
    }

    [Fact]
    public void A_staff_check_that_refused_confirms_nothing()
    {
        var verdict = StatementAccess.ForMemberRead(MetricViewer.ForStaff(UserId.New(), Gym), Member, Rules(), []).Verdict(granted: false, held: true);

        Assert.Equal((false, (OrganizationId?)null), (verdict.Granted, verdict.StaffConfirmedIn));
    }

    [Fact]
    public void A_members_role_check_confirms_no_staff_role()
    {
        // A member recording for themself in a gym: the check confirms they hold some role there, which may be a member's.
        var verdict = StatementAccess.ForRecording(MetricViewer.ForMember(Member, Gym), Member, Rules()).Verdict(granted: true, held: true);

        Assert.Equal((true, (OrganizationId?)null), (verdict.Granted, verdict.StaffConfirmedIn));
    }

    [Fact]
    public void Only_a_verdict_that_is_the_staff_check_alone_becomes_a_filter()
    {
        var staff = MetricViewer.ForStaff(UserId.New(), Gym);
        var checkAlone = StatementAccess.ForMemberRead(staff, Member, Rules(), []).Shape;
        var withHostGrants = StatementAccess.ForMemberRead(staff, Member, Rules(), [MetricAccessGrant.InOrganization(OrganizationId.New())]).Shape;
        var memberThemself = StatementAccess.ForMemberRead(MetricViewer.ForMember(Member, Gym), Member, Rules(), []).Shape;
        var hostDirectory = StatementAccess.ForMemberRead(staff, Member, rules: null, [MetricAccessGrant.InOrganization(Gym)]).Shape;

        Assert.True(checkAlone.StaffCheckAlone);
        Assert.Contains("memberships", StatementAccess.FilterForMember(checkAlone, "@p1"), StringComparison.Ordinal);
        foreach (var shape in new[] { withHostGrants, memberThemself, hostDirectory })
        {
            Assert.False(shape.StaffCheckAlone);
            Assert.Equal("shape", Assert.Throws<ArgumentException>(() => StatementAccess.FilterForMember(shape, "@p1")).ParamName);
        }
    }

    private MembershipSql Rules()
    {
        using var context = new TestDbContext(TestServer.Options<TestDbContext>(database.ConnectionString));
        var options = new MetricSetsOptions();
        ServiceScope.MapMemberships(options);
        return MembershipSql.Of(context.Model, options.Memberships);
    }
}
