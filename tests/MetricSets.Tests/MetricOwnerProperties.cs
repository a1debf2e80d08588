using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public class MetricOwnerProperties
{
    private static Gen<(MetricOwnerKind Kind, Guid Id)> KindsAndIds { get; } =
        from kind in Gen.Elements(Enum.GetValues<MetricOwnerKind>())
        from id in Generators.NonEmptyGuid
        select (kind, id);

    private static MetricOwner Build(MetricOwnerKind kind, Guid id) => kind switch
    {
        MetricOwnerKind.Member => MetricOwner.ForMember(new UserId(id)),
        MetricOwnerKind.Workout => MetricOwner.ForWorkout(new WorkoutId(id)),
        MetricOwnerKind.Organization => MetricOwner.ForOrganization(new OrganizationId(id)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Property]
    public Property Every_owner_has_exactly_one_kind_and_Match_calls_exactly_that_branch_with_its_id()
    {
        return Prop.ForAll(KindsAndIds.ToArbitrary(), c =>
        {
            var owner = Build(c.Kind, c.Id);
            var calls = new Dictionary<MetricOwnerKind, List<Guid>>
            {
                [MetricOwnerKind.Member] = [],
                [MetricOwnerKind.Workout] = [],
                [MetricOwnerKind.Organization] = [],
            };

            var result = owner.Match(
                member => { calls[MetricOwnerKind.Member].Add(member.Value); return "member"; },
                workout => { calls[MetricOwnerKind.Workout].Add(workout.Value); return "workout"; },
                organization => { calls[MetricOwnerKind.Organization].Add(organization.Value); return "organization"; });

            Assert.Equal(c.Kind, owner.Kind);
            Assert.Equal(c.Kind.ToString().ToLowerInvariant(), result);
            Assert.Equal([c.Id], calls[c.Kind]);
            Assert.Equal(1, calls.Values.Sum(list => list.Count));
        });
    }

    [Property]
    public Property Exactly_one_TryGet_succeeds_and_it_returns_the_id()
    {
        return Prop.ForAll(KindsAndIds.ToArbitrary(), c =>
        {
            var owner = Build(c.Kind, c.Id);

            var member = owner.TryGetMember(out var userId);
            var workout = owner.TryGetWorkout(out var workoutId);
            var organization = owner.TryGetOrganization(out var organizationId);

            Assert.Equal(1, new[] { member, workout, organization }.Count(success => success));
            Assert.Equal(c.Kind == MetricOwnerKind.Member ? c.Id : Guid.Empty, userId.Value);
            Assert.Equal(c.Kind == MetricOwnerKind.Workout ? c.Id : Guid.Empty, workoutId.Value);
            Assert.Equal(c.Kind == MetricOwnerKind.Organization ? c.Id : Guid.Empty, organizationId.Value);
        });
    }

    [Property]
    public Property Owners_are_equal_exactly_when_kind_and_id_are()
    {
        return Prop.ForAll(KindsAndIds.ToArbitrary(), KindsAndIds.ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (first, second, sameId) =>
        {
            var secondId = sameId ? first.Id : second.Id;
            var left = Build(first.Kind, first.Id);
            var right = Build(second.Kind, secondId);
            var expected = first.Kind == second.Kind && first.Id == secondId;

            Assert.Equal(expected, left.Equals(right));
            Assert.Equal(expected, left == right);
            Assert.Equal(!expected, left != right);
            if (expected)
            {
                Assert.Equal(left.GetHashCode(), right.GetHashCode());
            }
        });
    }
}
