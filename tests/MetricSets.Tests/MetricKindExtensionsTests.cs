namespace MetricSets.Tests;

public class MetricKindExtensionsTests
{
    [Theory]
    [InlineData(MetricKind.OneRepMax, new[] { UnitDimension.Mass })]
    [InlineData(MetricKind.Time, new[] { UnitDimension.Time })]
    [InlineData(MetricKind.Distance, new[] { UnitDimension.Length })]
    [InlineData(MetricKind.BodyComp, new[] { UnitDimension.Mass, UnitDimension.Ratio })]
    [InlineData(MetricKind.Repetitions, new[] { UnitDimension.Count })]
    [InlineData(MetricKind.BodyMeasurement, new[] { UnitDimension.Length })]
    [InlineData(MetricKind.HeartRate, new[] { UnitDimension.Frequency })]
    [InlineData(MetricKind.Power, new[] { UnitDimension.Power })]
    [InlineData(MetricKind.Energy, new[] { UnitDimension.Energy })]
    public void AllowedDimensions_match_the_documented_table(MetricKind kind, UnitDimension[] dimensions)
    {
        Assert.Equal(dimensions.Order(), kind.AllowedDimensions().Order());
        foreach (var unit in MetricUnitExtensions.All)
        {
            Assert.Equal(dimensions.Contains(unit.Dimension()), kind.Allows(unit));
        }
    }

    [Fact]
    public void The_seed_kinds_keep_their_enum_positions()
    {
        Assert.Equal(0, (int)MetricKind.OneRepMax);
        Assert.Equal(1, (int)MetricKind.Time);
        Assert.Equal(2, (int)MetricKind.Distance);
        Assert.Equal(3, (int)MetricKind.BodyComp);
    }

    [Fact]
    public void All_lists_every_kind_in_declaration_order()
    {
        Assert.Equal(Enum.GetValues<MetricKind>(), MetricKindExtensions.All);
    }

    [Fact]
    public void An_undefined_kind_is_a_validation_error()
    {
        var exception = Assert.Throws<MetricValidationException>(() => ((MetricKind)42).AllowedDimensions());

        Assert.Equal("kind", exception.ParameterName);
        Assert.Equal((MetricKind)42, exception.AttemptedValue);
    }

    [Theory]
    [InlineData(MetricKind.OneRepMax, BestDirection.HigherIsBetter)]
    [InlineData(MetricKind.Distance, BestDirection.HigherIsBetter)]
    [InlineData(MetricKind.Repetitions, BestDirection.HigherIsBetter)]
    [InlineData(MetricKind.Power, BestDirection.HigherIsBetter)]
    [InlineData(MetricKind.Energy, BestDirection.HigherIsBetter)]
    [InlineData(MetricKind.Time, BestDirection.LowerIsBetter)]
    [InlineData(MetricKind.BodyComp, BestDirection.None)]
    [InlineData(MetricKind.BodyMeasurement, BestDirection.None)]
    [InlineData(MetricKind.HeartRate, BestDirection.None)]
    public void BestDirection_matches_the_documented_table(MetricKind kind, BestDirection expected)
    {
        Assert.Equal(expected, kind.BestDirection());
    }

    [Fact]
    public void BestDirection_table_covers_every_kind()
    {
        // The theory above lists every kind once; a new kind must be placed there deliberately.
        Assert.Equal(9, MetricKindExtensions.All.Count);
    }
}
