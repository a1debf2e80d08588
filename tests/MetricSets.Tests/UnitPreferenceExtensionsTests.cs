namespace MetricSets.Tests;

public class UnitPreferenceExtensionsTests
{
    public static TheoryData<MetricUnit> Units() => [.. MetricUnitExtensions.All];

    [Theory]
    [InlineData(MetricUnit.Pound, MetricUnit.Kilogram)]
    [InlineData(MetricUnit.Mile, MetricUnit.Kilometer)]
    [InlineData(MetricUnit.Yard, MetricUnit.Meter)]
    [InlineData(MetricUnit.Foot, MetricUnit.Meter)]
    [InlineData(MetricUnit.Inch, MetricUnit.Centimeter)]
    [InlineData(MetricUnit.Kilogram, MetricUnit.Kilogram)]
    [InlineData(MetricUnit.Kilometer, MetricUnit.Kilometer)]
    [InlineData(MetricUnit.Meter, MetricUnit.Meter)]
    [InlineData(MetricUnit.Centimeter, MetricUnit.Centimeter)]
    [InlineData(MetricUnit.Second, MetricUnit.Second)]
    [InlineData(MetricUnit.Percent, MetricUnit.Percent)]
    [InlineData(MetricUnit.Kilocalorie, MetricUnit.Kilocalorie)]
    public void Metric_reports_imperial_units_in_their_metric_counterpart(MetricUnit definitionUnit, MetricUnit expected)
    {
        Assert.Equal(expected, UnitPreference.Metric.UnitFor(definitionUnit));
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, MetricUnit.Pound)]
    [InlineData(MetricUnit.Kilometer, MetricUnit.Mile)]
    [InlineData(MetricUnit.Meter, MetricUnit.Yard)]
    [InlineData(MetricUnit.Centimeter, MetricUnit.Inch)]
    [InlineData(MetricUnit.Pound, MetricUnit.Pound)]
    [InlineData(MetricUnit.Mile, MetricUnit.Mile)]
    [InlineData(MetricUnit.Foot, MetricUnit.Foot)]
    [InlineData(MetricUnit.Second, MetricUnit.Second)]
    [InlineData(MetricUnit.Repetition, MetricUnit.Repetition)]
    [InlineData(MetricUnit.Kilojoule, MetricUnit.Kilojoule)]
    public void Imperial_reports_metric_units_in_their_imperial_counterpart(MetricUnit definitionUnit, MetricUnit expected)
    {
        Assert.Equal(expected, UnitPreference.Imperial.UnitFor(definitionUnit));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void DefinitionUnit_keeps_the_unit(MetricUnit unit)
    {
        Assert.Equal(unit, UnitPreference.DefinitionUnit.UnitFor(unit));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Every_preference_keeps_the_dimension_so_values_convert(MetricUnit unit)
    {
        foreach (var preference in Enum.GetValues<UnitPreference>())
        {
            var reported = preference.UnitFor(unit);

            Assert.Equal(unit.Dimension(), reported.Dimension());
            _ = MetricValue.Of(1m, unit).ConvertTo(reported);
        }
    }

    [Fact]
    public void Converting_back_from_the_preferred_unit_is_the_round_trip_readers_do()
    {
        var recorded = MetricValue.Of(100m, MetricUnit.Kilogram);

        var imperial = recorded.ConvertTo(UnitPreference.Imperial.UnitFor(recorded.Unit));
        var metric = imperial.ConvertTo(UnitPreference.Metric.UnitFor(imperial.Unit));

        Assert.Equal(MetricValue.Of(220.4623m, MetricUnit.Pound), imperial);
        Assert.Equal(MetricValue.Of(100m, MetricUnit.Kilogram), metric);
    }
}
