namespace MetricSets.Tests;

public class MetricViewerTests
{
    private static readonly UserId User = UserId.New();
    private static readonly OrganizationId Gym = OrganizationId.New();

    [Fact]
    public void ForMember_is_a_member_acting_for_themselves_or_in_an_organization()
    {
        var alone = MetricViewer.ForMember(User);
        var inGym = MetricViewer.ForMember(User, Gym);

        Assert.Equal(User, alone.UserId);
        Assert.Null(alone.OrganizationId);
        Assert.Equal(ViewerRole.Member, alone.Role);
        Assert.Equal(Gym, inGym.OrganizationId);
        Assert.Equal(ViewerRole.Member, inGym.Role);
    }

    [Fact]
    public void ForStaff_claims_the_staff_role_in_the_organization()
    {
        var staff = MetricViewer.ForStaff(User, Gym);

        Assert.Equal(User, staff.UserId);
        Assert.Equal(Gym, staff.OrganizationId);
        Assert.Equal(ViewerRole.Staff, staff.Role);
    }

    [Fact]
    public void An_empty_user_id_is_a_validation_error()
    {
        var member = Assert.Throws<MetricValidationException>(() => MetricViewer.ForMember(default));
        var staff = Assert.Throws<MetricValidationException>(() => MetricViewer.ForStaff(default, Gym));

        Assert.Equal("userId", member.ParameterName);
        Assert.Equal(default(UserId), member.AttemptedValue);
        Assert.Equal("userId", staff.ParameterName);
    }

    [Fact]
    public void An_empty_organization_id_is_a_validation_error()
    {
        var member = Assert.Throws<MetricValidationException>(() => MetricViewer.ForMember(User, default(OrganizationId)));
        var staff = Assert.Throws<MetricValidationException>(() => MetricViewer.ForStaff(User, default));

        Assert.Equal("organizationId", member.ParameterName);
        Assert.Equal("organizationId", staff.ParameterName);
    }

    [Fact]
    public void Equality_is_component_wise()
    {
        var viewer = MetricViewer.ForStaff(User, Gym);
        var same = MetricViewer.ForStaff(User, Gym);
        var others = new[]
        {
            MetricViewer.ForStaff(UserId.New(), Gym),
            MetricViewer.ForStaff(User, OrganizationId.New()),
            MetricViewer.ForMember(User, Gym),
            MetricViewer.ForMember(User),
        };

        Assert.True(viewer.Equals(same));
        Assert.True(viewer.Equals((object)same));
        Assert.True(viewer == same);
        Assert.False(viewer != same);
        Assert.Equal(viewer.GetHashCode(), same.GetHashCode());
        Assert.False(viewer.Equals(null));
        Assert.False(viewer.Equals((object)User));
        Assert.All(others, other =>
        {
            Assert.False(viewer.Equals(other));
            Assert.False(viewer == other);
            Assert.True(viewer != other);
        });
        Assert.Equal(others.Length + 1, others.Append(viewer).Append(same).Distinct().Count());
    }

    [Fact]
    public void Null_viewers_compare_with_the_operators()
    {
        MetricViewer? none = null;

        Assert.True(none == null);
        Assert.False(none != null);
        Assert.True(MetricViewer.ForMember(User) != none);
    }

    [Fact]
    public void ToString_names_the_role_the_user_and_the_organization()
    {
        Assert.Equal($"Staff {User} in {Gym}", MetricViewer.ForStaff(User, Gym).ToString());
        Assert.Equal($"Member {User}", MetricViewer.ForMember(User).ToString());
    }
}
