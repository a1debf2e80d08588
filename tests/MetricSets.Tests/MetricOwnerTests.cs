using System.Reflection;

namespace MetricSets.Tests;

public class MetricOwnerTests
{
    [Fact]
    public void MetricOwner_has_no_public_constructor()
    {
        Assert.Empty(typeof(MetricOwner).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.All(
            typeof(MetricOwner).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance),
            constructor => Assert.True(constructor.IsPrivate, $"{constructor} should be private"));
    }

    [Fact]
    public void ForMember_rejects_an_empty_user_id()
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricOwner.ForMember(default));

        Assert.Equal("userId", exception.ParameterName);
        Assert.Equal(Guid.Empty, exception.AttemptedValue);
    }

    [Fact]
    public void ForWorkout_rejects_an_empty_workout_id()
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricOwner.ForWorkout(new WorkoutId(Guid.Empty)));

        Assert.Equal("workoutId", exception.ParameterName);
    }

    [Fact]
    public void ForOrganization_rejects_an_empty_organization_id()
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricOwner.ForOrganization(default));

        Assert.Equal("organizationId", exception.ParameterName);
    }

    [Fact]
    public void TryGet_returns_the_id_only_for_the_owners_kind()
    {
        var organizationId = OrganizationId.New();
        var owner = MetricOwner.ForOrganization(organizationId);

        Assert.False(owner.TryGetMember(out var userId));
        Assert.Equal(default, userId);
        Assert.False(owner.TryGetWorkout(out var workoutId));
        Assert.Equal(default, workoutId);
        Assert.True(owner.TryGetOrganization(out var found));
        Assert.Equal(organizationId, found);
    }

    [Fact]
    public void Owners_of_different_kinds_with_the_same_guid_are_not_equal()
    {
        var guid = Guid.CreateVersion7();

        var member = MetricOwner.ForMember(new UserId(guid));
        var workout = MetricOwner.ForWorkout(new WorkoutId(guid));
        var organization = MetricOwner.ForOrganization(new OrganizationId(guid));

        Assert.NotEqual(member, workout);
        Assert.NotEqual(workout, organization);
        Assert.NotEqual(member, organization);
        Assert.True(member != workout);
    }

    [Fact]
    public void Owners_of_the_same_kind_and_id_are_equal()
    {
        var userId = UserId.New();

        var first = MetricOwner.ForMember(userId);
        var second = MetricOwner.ForMember(userId);

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.False(first != second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.False(first.Equals(null));
        Assert.False(first == null);
    }

    [Fact]
    public void ToString_names_the_kind_and_the_id()
    {
        var workoutId = WorkoutId.New();

        Assert.Equal($"Workout {workoutId.Value}", MetricOwner.ForWorkout(workoutId).ToString());
    }

    [Fact]
    public void Match_rejects_null_functions()
    {
        var owner = MetricOwner.ForMember(UserId.New());

        Assert.Throws<ArgumentNullException>(() => owner.Match<int>(null!, _ => 2, _ => 3));
        Assert.Throws<ArgumentNullException>(() => owner.Match(_ => 1, null!, _ => 3));
        Assert.Throws<ArgumentNullException>(() => owner.Match(_ => 1, _ => 2, null!));
    }
}
