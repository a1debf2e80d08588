namespace MetricSets.Tests;

public partial class MetricValueTests
{
    [Fact]
    public void Ordering_compares_quantities_across_units()
    {
        var pounds = MetricValue.Of(225m, MetricUnit.Pound);
        var kilograms = MetricValue.Of(100m, MetricUnit.Kilogram);

        Assert.True(pounds > kilograms);
        Assert.True(pounds >= kilograms);
        Assert.False(pounds < kilograms);
        Assert.False(pounds <= kilograms);
        Assert.True(kilograms < pounds);
        Assert.True(pounds.CompareTo(kilograms) > 0);
        Assert.True(kilograms.CompareTo(pounds) < 0);
    }

    [Fact]
    public void Ordering_does_not_compare_amounts_alone()
    {
        // 103 kg is more than 225 lb (102.058… kg) although 103 < 225.
        var kilograms = MetricValue.Of(103m, MetricUnit.Kilogram);
        var pounds = MetricValue.Of(225m, MetricUnit.Pound);

        Assert.True(kilograms > pounds);
    }

    [Fact]
    public void One_kilometer_compares_equal_to_1000_meters_but_is_not_Equal()
    {
        var kilometer = MetricValue.Of(1m, MetricUnit.Kilometer);
        var meters = MetricValue.Of(1000m, MetricUnit.Meter);

        Assert.Equal(0, kilometer.CompareTo(meters));
        Assert.Equal(0, meters.CompareTo(kilometer));
        Assert.True(kilometer.IsEquivalentTo(meters));
        Assert.True(kilometer <= meters);
        Assert.True(kilometer >= meters);
        Assert.False(kilometer.Equals(meters));
        Assert.False(kilometer == meters);
        Assert.True(kilometer != meters);
    }

    [Fact]
    public void IsEquivalentTo_is_exact_not_rounded()
    {
        var kilometers = MetricValue.Of(1.0001m, MetricUnit.Kilometer);
        var meters = MetricValue.Of(1000.1m, MetricUnit.Meter);

        Assert.True(kilometers.IsEquivalentTo(meters));
        Assert.False(kilometers.IsEquivalentTo(MetricValue.Of(1000.1001m, MetricUnit.Meter)));
    }

    [Fact]
    public void Ordering_values_of_different_dimensions_throws_IncompatibleUnitsException()
    {
        var mass = MetricValue.Of(1m, MetricUnit.Kilogram);
        var length = MetricValue.Of(1m, MetricUnit.Meter);

        var error = Assert.Throws<IncompatibleUnitsException>(() => mass.CompareTo(length));
        Assert.Equal(MetricUnit.Kilogram, error.SourceUnit);
        Assert.Equal(MetricUnit.Meter, error.TargetUnit);
        Assert.Throws<IncompatibleUnitsException>(() => mass < length);
        Assert.Throws<IncompatibleUnitsException>(() => mass > length);
        Assert.Throws<IncompatibleUnitsException>(() => mass <= length);
        Assert.Throws<IncompatibleUnitsException>(() => mass >= length);
        Assert.Throws<IncompatibleUnitsException>(() => mass.IsEquivalentTo(length));
    }

    [Fact]
    public void Sorting_mixed_units_orders_by_quantity()
    {
        var values = new[]
        {
            MetricValue.Of(1m, MetricUnit.Mile),
            MetricValue.Of(1m, MetricUnit.Kilometer),
            MetricValue.Of(1m, MetricUnit.Inch),
            MetricValue.Of(1m, MetricUnit.Yard),
            MetricValue.Of(1m, MetricUnit.Centimeter),
            MetricValue.Of(1m, MetricUnit.Foot),
            MetricValue.Of(1m, MetricUnit.Meter),
        };

        var units = values.Order().Select(value => value.Unit).ToArray();

        Assert.Equal(
            [MetricUnit.Centimeter, MetricUnit.Inch, MetricUnit.Foot, MetricUnit.Yard, MetricUnit.Meter, MetricUnit.Kilometer, MetricUnit.Mile],
            units);
    }
}
