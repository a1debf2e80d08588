namespace MetricSets.Tests;

public partial class MetricValueTests
{
    private static readonly MetricValue.Comparer Quantity = MetricValue.Comparer.Quantity;

    [Fact]
    public void Quantity_comparer_compares_quantities_across_units()
    {
        var pounds = MetricValue.Of(225m, MetricUnit.Pound);
        var kilograms = MetricValue.Of(100m, MetricUnit.Kilogram);

        Assert.True(Quantity.Compare(pounds, kilograms) > 0);
        Assert.True(Quantity.Compare(kilograms, pounds) < 0);
        Assert.False(Quantity.Equals(pounds, kilograms));
    }

    [Fact]
    public void Quantity_comparer_does_not_compare_amounts_alone()
    {
        // 103 kg is more than 225 lb (102.058… kg) although 103 < 225.
        var kilograms = MetricValue.Of(103m, MetricUnit.Kilogram);
        var pounds = MetricValue.Of(225m, MetricUnit.Pound);

        Assert.True(Quantity.Compare(kilograms, pounds) > 0);
    }

    [Fact]
    public void One_kilometer_is_the_same_quantity_as_1000_meters_but_is_not_Equal()
    {
        var kilometer = MetricValue.Of(1m, MetricUnit.Kilometer);
        var meters = MetricValue.Of(1000m, MetricUnit.Meter);

        Assert.Equal(0, Quantity.Compare(kilometer, meters));
        Assert.Equal(0, Quantity.Compare(meters, kilometer));
        Assert.True(Quantity.Equals(kilometer, meters));
        Assert.Equal(Quantity.GetHashCode(kilometer), Quantity.GetHashCode(meters));
        Assert.True(kilometer.IsEquivalentTo(meters));
        Assert.False(kilometer.Equals(meters));
        Assert.False(kilometer.Equals((object)meters));
        Assert.False(kilometer == meters);
        Assert.True(kilometer != meters);
    }

    [Fact]
    public void Amounts_that_differ_only_in_trailing_zeros_are_Equal_and_hash_alike()
    {
        var plain = MetricValue.Of(225m, MetricUnit.Pound);
        var scaled = MetricValue.Of(225.0m, MetricUnit.Pound);

        Assert.True(plain.Equals(scaled));
        Assert.True(plain == scaled);
        Assert.Equal(plain.GetHashCode(), scaled.GetHashCode());
        Assert.True(Quantity.Equals(plain, scaled));
        Assert.Equal(Quantity.GetHashCode(plain), Quantity.GetHashCode(scaled));
    }

    [Fact]
    public void IsEquivalentTo_is_exact_not_rounded()
    {
        var kilometers = MetricValue.Of(1.0001m, MetricUnit.Kilometer);
        var meters = MetricValue.Of(1000.1m, MetricUnit.Meter);

        Assert.True(kilometers.IsEquivalentTo(meters));
        Assert.False(kilometers.IsEquivalentTo(MetricValue.Of(1000.1001m, MetricUnit.Meter)));
        Assert.False(Quantity.Equals(kilometers, MetricValue.Of(1000.1001m, MetricUnit.Meter)));
    }

    [Fact]
    public void Comparing_values_of_different_dimensions_throws_IncompatibleUnitsException_an_ArgumentException()
    {
        var mass = MetricValue.Of(1m, MetricUnit.Kilogram);
        var length = MetricValue.Of(1m, MetricUnit.Meter);

        var error = Assert.Throws<IncompatibleUnitsException>(() => Quantity.Compare(mass, length));
        Assert.Equal(MetricUnit.Kilogram, error.SourceUnit);
        Assert.Equal(MetricUnit.Meter, error.TargetUnit);
        Assert.Equal("y", error.ParamName);
        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.IsNotAssignableFrom<MetricSetsException>(error);
        var reversed = Assert.Throws<IncompatibleUnitsException>(() => Quantity.Compare(length, mass));
        Assert.Equal(MetricUnit.Meter, reversed.SourceUnit);
        Assert.Equal(MetricUnit.Kilogram, reversed.TargetUnit);
        Assert.Throws<IncompatibleUnitsException>(() => mass.IsEquivalentTo(length));
    }

    [Fact]
    public void Quantity_equality_across_dimensions_is_false_not_an_error()
    {
        var mass = MetricValue.Of(0m, MetricUnit.Kilogram);
        var length = MetricValue.Of(0m, MetricUnit.Meter);

        Assert.False(Quantity.Equals(mass, length));
        Assert.Equal(2, new[] { mass, length }.Distinct(Quantity).Count());
    }

    [Fact]
    public void Sorting_mixed_units_by_quantity_orders_by_quantity()
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

        var units = values.Order(Quantity).Select(value => value.Unit).ToArray();

        Assert.Equal(
            [MetricUnit.Centimeter, MetricUnit.Inch, MetricUnit.Foot, MetricUnit.Yard, MetricUnit.Meter, MetricUnit.Kilometer, MetricUnit.Mile],
            units);
    }

    [Fact]
    public void A_sorted_set_and_Distinct_with_the_quantity_comparer_keep_the_same_values()
    {
        // The inconsistency this comparer replaces: with ordering by quantity but equality by amount and unit,
        // a SortedSet dropped 1,000 m as a duplicate of 1 km while Distinct kept both.
        var values = new[]
        {
            MetricValue.Of(1m, MetricUnit.Kilometer),
            MetricValue.Of(1000m, MetricUnit.Meter),
            MetricValue.Of(100_000m, MetricUnit.Centimeter),
            MetricValue.Of(1m, MetricUnit.Mile),
            MetricValue.Of(1609.344m, MetricUnit.Meter),
            MetricValue.Of(2m, MetricUnit.Meter),
        };

        var sorted = new SortedSet<MetricValue>(values, Quantity);
        var distinct = values.Distinct(Quantity).ToList();
        var hashed = new HashSet<MetricValue>(values, Quantity);

        Assert.Equal(3, sorted.Count);
        Assert.Equal(3, distinct.Count);
        Assert.Equal(3, hashed.Count);
        Assert.All(distinct, value => Assert.Contains(value, sorted));
        Assert.Equal(6, values.Distinct().Count());
    }

    [Fact]
    public void The_quantity_comparer_is_one_instance()
    {
        Assert.Same(MetricValue.Comparer.Quantity, MetricValue.Comparer.Quantity);
    }

    [Fact]
    public void MetricValue_has_no_natural_order()
    {
        Assert.False(typeof(IComparable<MetricValue>).IsAssignableFrom(typeof(MetricValue)));
        Assert.False(typeof(IComparable).IsAssignableFrom(typeof(MetricValue)));
        Assert.Null(typeof(MetricValue).GetMethod("op_LessThan"));
        Assert.Throws<InvalidOperationException>(() => new[] { MetricValue.Of(1m, MetricUnit.Meter), MetricValue.Of(2m, MetricUnit.Meter) }.Order().ToList());
    }
}
