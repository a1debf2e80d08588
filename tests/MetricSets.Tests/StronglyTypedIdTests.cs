namespace MetricSets.Tests;

public class StronglyTypedIdTests
{
    [Fact]
    public void MetricDefinitionId_behaves_like_its_guid() =>
        AssertBehavesLikeItsGuid(MetricDefinitionId.New, guid => new MetricDefinitionId(guid), id => id.Value, id => id.IsEmpty);

    [Fact]
    public void MetricSetId_behaves_like_its_guid() =>
        AssertBehavesLikeItsGuid(MetricSetId.New, guid => new MetricSetId(guid), id => id.Value, id => id.IsEmpty);

    [Fact]
    public void MemberMetricId_behaves_like_its_guid() =>
        AssertBehavesLikeItsGuid(MemberMetricId.New, guid => new MemberMetricId(guid), id => id.Value, id => id.IsEmpty);

    [Fact]
    public void UserId_behaves_like_its_guid() =>
        AssertBehavesLikeItsGuid(UserId.New, guid => new UserId(guid), id => id.Value, id => id.IsEmpty);

    [Fact]
    public void WorkoutId_behaves_like_its_guid() =>
        AssertBehavesLikeItsGuid(WorkoutId.New, guid => new WorkoutId(guid), id => id.Value, id => id.IsEmpty);

    [Fact]
    public void OrganizationId_behaves_like_its_guid() =>
        AssertBehavesLikeItsGuid(OrganizationId.New, guid => new OrganizationId(guid), id => id.Value, id => id.IsEmpty);

    [Fact]
    public void Comparison_operators_follow_CompareTo()
    {
        var smaller = new UserId(Guid.Parse("00000000-0000-0000-0000-000000000001"));
        var larger = new UserId(Guid.Parse("00000000-0000-0000-0000-000000000002"));

        Assert.True(smaller < larger);
        Assert.True(smaller <= larger);
        Assert.True(larger > smaller);
        Assert.True(larger >= smaller);
        Assert.False(larger < smaller);
        Assert.True(smaller <= new UserId(smaller.Value));
        Assert.True(smaller >= new UserId(smaller.Value));
    }

    [Fact]
    public void Different_id_types_wrapping_one_guid_are_not_equal_as_objects()
    {
        var guid = Guid.CreateVersion7();

        Assert.False(new UserId(guid).Equals(new OrganizationId(guid)));
    }

    [Fact]
    public void The_overloads_without_a_format_provider_parse_like_the_others()
    {
        // The contract tests reach Parse and TryParse through ISpanParsable<T>, which has only the overloads with a
        // provider; the generated code is the same for every id, so one id covers the rest.
        var id = UserId.New();
        var text = id.ToString();

        Assert.Equal(id, UserId.Parse(text));
        Assert.Equal(id, UserId.Parse(text.AsSpan()));
        Assert.True(UserId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
        Assert.True(UserId.TryParse(text.AsSpan(), out parsed));
        Assert.Equal(id, parsed);
        Assert.False(UserId.TryParse("garbage", out parsed));
        Assert.Equal(default, parsed);
        Assert.False(UserId.TryParse((string?)null, out _));
        Assert.False(UserId.TryParse("garbage".AsSpan(), out _));
        Assert.Throws<ArgumentNullException>(() => UserId.Parse((string)null!));
        Assert.Contains("is not a UserId", Assert.Throws<FormatException>(() => UserId.Parse("garbage")).Message, StringComparison.Ordinal);
        Assert.Contains("is not a UserId", Assert.Throws<FormatException>(() => UserId.Parse("garbage".AsSpan())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_format_through_interpolation_in_the_D_form()
    {
        var id = new MetricSetId(Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

        Assert.Equal("set 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", $"set {id}");
        Assert.Equal("0193a1b2c3d47e5f8a9b0c1d2e3f4a5b", $"{id:N}");
    }

    private static void AssertBehavesLikeItsGuid<TId>(Func<TId> newId, Func<Guid, TId> wrap, Func<TId, Guid> unwrap, Func<TId, bool> isEmpty)
        where TId : struct, IEquatable<TId>, IComparable<TId>
    {
        var first = newId();
        var second = newId();

        Assert.True(isEmpty(default));
        Assert.Equal(Guid.Empty, unwrap(default));
        Assert.False(isEmpty(first));
        Assert.NotEqual(first, second);
        Assert.Equal(7, unwrap(first).Version);

        var guid = unwrap(first);
        Assert.Equal(first, wrap(guid));
        Assert.Equal(first.GetHashCode(), wrap(guid).GetHashCode());
        Assert.Equal(guid.ToString(), first.ToString());

        var guids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        Assert.Equal(guids.Order(), guids.Select(wrap).Order().Select(unwrap));
        Assert.All(guids, left => Assert.All(guids, right => Assert.Equal(Math.Sign(left.CompareTo(right)), Math.Sign(wrap(left).CompareTo(wrap(right))))));
    }
}
