using NodaTime;

namespace MetricSets.Tests;

public class MemberMetricTests
{
    private static readonly Instant Measured = Instant.FromUtc(2025, 3, 14, 6, 30, 0);

    private static readonly MetricDefinition BackSquat =
        MetricDefinition.Create(MetricSlug.Parse("back_squat_1rm"), LocalizedName.Of("en", "Back Squat 1RM"), MetricUnit.Kilogram, MetricKind.OneRepMax);

    private static readonly MetricDefinition BodyFat =
        MetricDefinition.Create(MetricSlug.Parse("body_fat"), LocalizedName.Of("en", "Body fat"), MetricUnit.Percent, MetricKind.BodyComp);

    [Fact]
    public void Record_keeps_the_value_as_recorded()
    {
        var memberId = UserId.New();

        var metric = MemberMetric.Record(BackSquat, memberId, MetricValue.Of(225m, MetricUnit.Pound), Measured, MetricSource.CoachInput);

        Assert.False(metric.Id.IsEmpty);
        Assert.Equal(memberId, metric.MemberId);
        Assert.Equal(BackSquat.Id, metric.DefinitionId);
        Assert.Equal(MetricValue.Of(225m, MetricUnit.Pound), metric.Value);
        Assert.Equal(Measured, metric.RecordedAt);
        Assert.Equal(MetricSource.CoachInput, metric.Source);
    }

    [Fact]
    public void Record_without_a_source_leaves_it_unknown()
    {
        var metric = MemberMetric.Record(BackSquat, UserId.New(), MetricValue.Of(100m, MetricUnit.Kilogram), Measured);

        Assert.Null(metric.Source);
    }

    [Fact]
    public void Record_uses_a_client_supplied_id_and_mints_distinct_ids_otherwise()
    {
        var id = MemberMetricId.New();
        var value = MetricValue.Of(100m, MetricUnit.Kilogram);
        var memberId = UserId.New();

        var supplied = MemberMetric.Record(BackSquat, memberId, value, Measured, id: id);
        var minted = MemberMetric.Record(BackSquat, memberId, value, Measured);
        var mintedAgain = MemberMetric.Record(BackSquat, memberId, value, Measured);

        Assert.Equal(id, supplied.Id);
        Assert.NotEqual(minted.Id, mintedAgain.Id);
    }

    [Fact]
    public void Record_rejects_an_empty_member_id()
    {
        var exception = Assert.Throws<MetricValidationException>(
            () => MemberMetric.Record(BackSquat, default, MetricValue.Of(100m, MetricUnit.Kilogram), Measured));

        Assert.Equal("memberId", exception.ParameterName);
        Assert.Equal(default(UserId), exception.AttemptedValue);
    }

    [Fact]
    public void Record_rejects_an_empty_client_supplied_id()
    {
        var exception = Assert.Throws<MetricValidationException>(
            () => MemberMetric.Record(BackSquat, UserId.New(), MetricValue.Of(100m, MetricUnit.Kilogram), Measured, id: default(MemberMetricId)));

        Assert.Equal("id", exception.ParameterName);
    }

    [Fact]
    public void Record_rejects_a_null_definition()
    {
        Assert.Throws<ArgumentNullException>(
            () => MemberMetric.Record(null!, UserId.New(), MetricValue.Of(100m, MetricUnit.Kilogram), Measured));
    }

    [Theory]
    [InlineData("-1", MetricUnit.Kilogram)]
    [InlineData("100", MetricUnit.Meter)]
    public void Record_applies_the_definitions_rules(string amount, MetricUnit unit)
    {
        var value = MetricValue.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), unit);

        var exception = Assert.Throws<MetricValidationException>(() => MemberMetric.Record(BackSquat, UserId.New(), value, Measured));

        Assert.Equal("value", exception.ParameterName);
    }

    [Fact]
    public void Record_rejects_a_percentage_above_100()
    {
        Assert.Throws<MetricValidationException>(
            () => MemberMetric.Record(BodyFat, UserId.New(), MetricValue.Of(100.5m, MetricUnit.Percent), Measured));
    }

    [Fact]
    public void RecordedAt_is_truncated_to_microseconds()
    {
        var second = Instant.FromUnixTimeSeconds(1_741_933_800);

        var metric = MemberMetric.Record(BackSquat, UserId.New(), MetricValue.Of(100m, MetricUnit.Kilogram), second.PlusNanoseconds(1_234_567));

        Assert.Equal(second.PlusNanoseconds(1_234_000), metric.RecordedAt);
    }

    [Fact]
    public void RecordedAt_before_the_epoch_is_truncated_towards_the_past()
    {
        // 0.5 µs before 1970: truncation must go to −1 µs, not to the epoch.
        var instant = Instant.FromUnixTimeTicks(0).PlusNanoseconds(-500);

        var metric = MemberMetric.Record(BackSquat, UserId.New(), MetricValue.Of(100m, MetricUnit.Kilogram), instant);

        Assert.Equal(Instant.FromUnixTimeTicks(-10), metric.RecordedAt);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(999L)]
    [InlineData(1_000L)]
    [InlineData(999_999_999L)]
    public void RecordedAt_drops_only_the_sub_microsecond_part(long nanoseconds)
    {
        var second = Instant.FromUtc(1969, 7, 20, 20, 17, 40);

        var metric = MemberMetric.Record(BackSquat, UserId.New(), MetricValue.Of(100m, MetricUnit.Kilogram), second.PlusNanoseconds(nanoseconds));

        Assert.Equal(second.PlusNanoseconds(nanoseconds / 1_000 * 1_000), metric.RecordedAt);
    }

}
