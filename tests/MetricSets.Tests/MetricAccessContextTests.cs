namespace MetricSets.Tests;

public class MetricAccessContextTests
{
    private static readonly UserId Coach = UserId.New();
    private static readonly OrganizationId Gym = OrganizationId.New();

    [Fact]
    public void A_decision_is_allowed_only_with_a_grant_and_without_a_veto()
    {
        var context = NewContext();
        Assert.False(context.IsAllowed);

        context.Succeed(MetricAccessGrant.InOrganization(Gym));
        Assert.True(context.IsAllowed);
        Assert.Equal([MetricAccessGrant.InOrganization(Gym)], context.Grants);

        context.Fail("not-assigned-coach");
        Assert.False(context.IsAllowed);
        Assert.Equal(["not-assigned-coach"], context.FailureReasons);
    }

    [Fact]
    public void A_veto_alone_does_not_allow()
    {
        var context = NewContext();

        context.Fail("closed");

        Assert.False(context.IsAllowed);
        Assert.Empty(context.Grants);
    }

    [Fact]
    public void Its_arguments_are_required()
    {
        var viewer = MetricViewer.ForStaff(Coach, Gym);
        var request = MetricAccessRequest.ReadOrganization(Gym);
        var directory = new NoDirectory();

        Assert.Equal("viewer", Assert.Throws<ArgumentNullException>(() => new MetricAccessContext(null!, request, directory)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => new MetricAccessContext(viewer, null!, directory)).ParamName);
        Assert.Equal("directory", Assert.Throws<ArgumentNullException>(() => new MetricAccessContext(viewer, request, null!)).ParamName);
        Assert.Equal("grant", Assert.Throws<ArgumentNullException>(() => NewContext().Succeed(null!)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => NewContext().Fail(" ")).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => NewContext().Fail(null!)).ParamName);
    }

    [Fact]
    public void It_keeps_what_it_was_given()
    {
        var viewer = MetricViewer.ForStaff(Coach, Gym);
        var request = MetricAccessRequest.ReadValues(Coach);
        var directory = new NoDirectory();

        var context = new MetricAccessContext(viewer, request, directory);

        Assert.Same(viewer, context.Viewer);
        Assert.Same(request, context.Request);
        Assert.Same(directory, context.Directory);
    }

    [Fact]
    public void A_grant_equals_another_of_the_same_organization_only()
    {
        var inGym = MetricAccessGrant.InOrganization(Gym);
        var again = MetricAccessGrant.InOrganization(Gym);
        var elsewhere = MetricAccessGrant.InOrganization(OrganizationId.New());

        Assert.True(inGym == again);
        Assert.False(inGym != again);
        Assert.True(inGym.Equals((object)again));
        Assert.Equal(inGym.GetHashCode(), again.GetHashCode());
        Assert.True(inGym != elsewhere);
        Assert.False(inGym.Equals(elsewhere));
        Assert.False(inGym.Equals(null));
        Assert.False(inGym == MetricAccessGrant.Everything);
        Assert.Equal(Gym, inGym.Organization);
        Assert.Null(MetricAccessGrant.Everything.Organization);
        Assert.Equal($"In {Gym}", inGym.ToString());
        Assert.Equal("Everything", MetricAccessGrant.Everything.ToString());
    }

    [Fact]
    public void A_grant_in_an_empty_organization_is_refused()
    {
        Assert.Equal("organization", Assert.Throws<ArgumentException>(() => MetricAccessGrant.InOrganization(default)).ParamName);
    }

    [Fact]
    public void A_request_keeps_what_it_asks_about()
    {
        var member = UserId.New();
        var owner = MetricOwner.ForOrganization(Gym);

        var delete = MetricAccessRequest.DeleteValue(member, Gym, MetricSource.CoachInput);
        var record = MetricAccessRequest.RecordValue(member, MetricSource.SelfReport);
        var view = MetricAccessRequest.ViewSet(owner);

        Assert.Equal((MetricOperation.DeleteValue, member, Gym, MetricSource.CoachInput), (delete.Operation, delete.Member!.Value, delete.RecordedIn!.Value, delete.Source));
        Assert.Equal((MetricOperation.RecordValue, member, MetricSource.SelfReport), (record.Operation, record.Member!.Value, record.Source));
        Assert.Equal(MetricOperation.ViewSet, view.Operation);
        Assert.Same(owner, view.SetOwner);
        Assert.Equal("ViewSet (Organization)", view.ToString());
        Assert.Equal("ReadValues", MetricAccessRequest.ReadValues(member).ToString());
        Assert.Equal(Gym, MetricAccessRequest.ReadOrganization(Gym).Organization);
        Assert.Equal(MetricOperation.ManageSet, MetricAccessRequest.ManageSet(owner).Operation);
    }

    private static MetricAccessContext NewContext() =>
        new(MetricViewer.ForStaff(Coach, Gym), MetricAccessRequest.ReadOrganization(Gym), new NoDirectory());

    private sealed class NoDirectory : IMembershipDirectory
    {
        public ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

        public ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) => ValueTask.FromResult<ViewerRole?>(null);

        public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) => ValueTask.FromResult<OrganizationId?>(null);

        public ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyCollection<UserId>>([]);
    }
}
