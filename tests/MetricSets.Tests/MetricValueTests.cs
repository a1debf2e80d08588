using System.Globalization;

namespace MetricSets.Tests;

public partial class MetricValueTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("102.5")]
    [InlineData("-3.25")]
    [InlineData("0.0001")]
    [InlineData("9999999999.9999")]
    [InlineData("-9999999999.9999")]
    public void Of_keeps_an_amount_within_bounds_exactly(string text)
    {
        var amount = decimal.Parse(text, CultureInfo.InvariantCulture);

        var value = MetricValue.Of(amount, MetricUnit.Pound);

        Assert.Equal(amount, value.Amount);
        Assert.Equal(MetricUnit.Pound, value.Unit);
        Assert.Equal(UnitDimension.Mass, value.Dimension);
    }

    [Theory]
    [InlineData("10000000000")]
    [InlineData("-10000000000")]
    [InlineData("10000000000.0001")]
    [InlineData("12345678901")]
    [InlineData("79228162514264337593543950335")]
    public void Of_rejects_an_amount_of_magnitude_ten_to_the_tenth_or_more(string text)
    {
        var amount = decimal.Parse(text, CultureInfo.InvariantCulture);

        var exception = Assert.Throws<MetricValidationException>(() => MetricValue.Of(amount, MetricUnit.Kilogram));

        Assert.Equal("amount", exception.ParameterName);
        Assert.Equal(amount, Assert.IsType<decimal>(exception.AttemptedValue));
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("102.50001")]
    [InlineData("-1.23456")]
    [InlineData("0.0000000000000000000000000001")]
    public void Of_rejects_more_than_four_decimal_places_instead_of_rounding(string text)
    {
        var amount = decimal.Parse(text, CultureInfo.InvariantCulture);

        var exception = Assert.Throws<MetricValidationException>(() => MetricValue.Of(amount, MetricUnit.Kilogram));

        Assert.Equal("amount", exception.ParameterName);
        Assert.Equal(amount, Assert.IsType<decimal>(exception.AttemptedValue));
        Assert.Contains("decimal places", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_accepts_trailing_zeros_beyond_the_fourth_decimal_place()
    {
        var value = MetricValue.Of(1.500000m, MetricUnit.Kilogram);

        Assert.Equal(1.5m, value.Amount);
        Assert.Equal(MetricValue.Of(1.5m, MetricUnit.Kilogram), value);
    }

    [Fact]
    public void Of_rejects_an_undefined_unit()
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricValue.Of(1m, (MetricUnit)999));

        Assert.Equal("unit", exception.ParameterName);
    }

    [Theory]
    [InlineData("2.00025", "2.0003")]
    [InlineData("-2.00025", "-2.0003")]
    [InlineData("2.00015", "2.0002")]
    [InlineData("0.00005", "0.0001")]
    [InlineData("-0.00005", "-0.0001")]
    [InlineData("2.000249999", "2.0002")]
    [InlineData("-2.000250001", "-2.0003")]
    [InlineData("1.5", "1.5")]
    public void OfRounded_rounds_half_away_from_zero_to_four_places(string input, string expected)
    {
        var value = MetricValue.OfRounded(decimal.Parse(input, CultureInfo.InvariantCulture), MetricUnit.Kilogram);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value.Amount);
    }

    [Fact]
    public void OfRounded_rejects_an_amount_that_rounds_up_to_ten_to_the_tenth()
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricValue.OfRounded(9_999_999_999.99995m, MetricUnit.Kilogram));

        Assert.Equal("amount", exception.ParameterName);
    }

    [Fact]
    public void OfRounded_keeps_an_amount_that_rounds_down_below_ten_to_the_tenth()
    {
        var value = MetricValue.OfRounded(9_999_999_999.99994m, MetricUnit.Kilogram);

        Assert.Equal(9_999_999_999.9999m, value.Amount);
    }

    [Fact]
    public void Default_value_is_zero_kilograms()
    {
        var value = default(MetricValue);

        Assert.Equal(0m, value.Amount);
        Assert.Equal(MetricUnit.Kilogram, value.Unit);
        Assert.Equal(MetricValue.Of(0m, MetricUnit.Kilogram), value);
    }

    [Fact]
    public void Values_with_equal_amounts_of_different_scale_are_equal_and_hash_alike()
    {
        var left = MetricValue.Of(102.5m, MetricUnit.Kilogram);
        var right = MetricValue.Of(102.5000m, MetricUnit.Kilogram);

        Assert.True(left == right);
        Assert.False(left != right);
        Assert.True(left.Equals((object)right));
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Values_with_the_same_amount_in_different_units_are_not_equal()
    {
        var kilograms = MetricValue.Of(100m, MetricUnit.Kilogram);
        var pounds = MetricValue.Of(100m, MetricUnit.Pound);

        Assert.NotEqual(kilograms, pounds);
        Assert.True(kilograms != pounds);
        Assert.False(kilograms.Equals((object)pounds));
        Assert.False(kilograms.Equals("100 kg"));
    }

    [Theory]
    [InlineData("he-IL")]
    [InlineData("ru-RU")]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void ToString_is_invariant_under_any_current_culture(string culture)
    {
        using var scope = new CultureScope(culture);

        Assert.Equal("102.5 kg", MetricValue.Of(102.5m, MetricUnit.Kilogram).ToString());
        Assert.Equal("-1234567.8901 lb", MetricValue.Of(-1_234_567.8901m, MetricUnit.Pound).ToString());
        Assert.Equal("12.5 %", MetricValue.Of(12.5m, MetricUnit.Percent).ToString());
    }

    [Fact]
    public void ToString_test_cultures_really_use_another_decimal_separator()
    {
        // Guards the test above: ru-RU must format 102.5 differently, or it would prove nothing.
        using var scope = new CultureScope("ru-RU");

        Assert.Equal("102,5", 102.5m.ToString(CultureInfo.CurrentCulture));
    }

    [Fact]
    public void ToString_drops_trailing_zeros()
    {
        Assert.Equal("100 kg", MetricValue.Of(100.0000m, MetricUnit.Kilogram).ToString());
        Assert.Equal("0.0001 seconds", MetricValue.Of(0.0001m, MetricUnit.Second).ToString());
    }
}
