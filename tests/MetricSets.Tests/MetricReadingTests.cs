using NodaTime;

namespace MetricSets.Tests;

public class MetricReadingTests
{
    private static readonly MetricReading Reading = new()
    {
        Id = MemberMetricId.New(),
        MemberId = UserId.New(),
        DefinitionId = MetricDefinitionId.New(),
        Value = MetricValue.Of(225, MetricUnit.Pound),
        RecordedAt = Instant.FromUtc(2026, 11, 1, 9, 0),
        Source = MetricSource.CoachInput,
        RecordedIn = OrganizationId.New(),
    };

    public static TheoryData<string> Components => new() { "id", "member", "definition", "value", "time", "source", "recordedIn" };

    [Fact]
    public void Readings_with_the_same_components_are_equal()
    {
        var copy = With(string.Empty);

        Assert.True(Reading == copy);
        Assert.False(Reading != copy);
        Assert.True(Reading.Equals((object)copy));
        Assert.Equal(Reading.GetHashCode(), copy.GetHashCode());
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Readings_differing_in_one_component_differ(string component)
    {
        var other = With(component);

        Assert.False(Reading == other);
        Assert.True(Reading != other);
        Assert.False(Reading.Equals(other));
    }

    [Fact]
    public void A_reading_is_not_equal_to_null_and_says_what_it_holds()
    {
        Assert.False(Reading.Equals(null));
        Assert.False(Reading == null);
        Assert.True(null == (MetricReading?)null);
        Assert.Equal($"225 lb at 2026-11-01T09:00:00Z ({Reading.Id})", Reading.ToString());
    }

    private static MetricReading With(string component) => new()
    {
        Id = component == "id" ? MemberMetricId.New() : Reading.Id,
        MemberId = component == "member" ? UserId.New() : Reading.MemberId,
        DefinitionId = component == "definition" ? MetricDefinitionId.New() : Reading.DefinitionId,
        Value = component == "value" ? MetricValue.Of(100, MetricUnit.Kilogram) : Reading.Value,
        RecordedAt = component == "time" ? Reading.RecordedAt + Duration.FromSeconds(1) : Reading.RecordedAt,
        Source = component == "source" ? MetricSource.SelfReport : Reading.Source,
        RecordedIn = component == "recordedIn" ? null : Reading.RecordedIn,
    };
}
