using System.Globalization;

namespace MetricSets.Tests;

public partial class MetricValueTests
{
    [Fact]
    public void Converting_lb_to_kg_uses_the_exact_factor()
    {
        // 225 × 0.45359237 = 102.05828325, rounded to four places.
        var kilograms = MetricValue.Of(225m, MetricUnit.Pound).ConvertTo(MetricUnit.Kilogram);

        Assert.Equal(102.0583m, kilograms.Amount);
        Assert.Equal(MetricUnit.Kilogram, kilograms.Unit);
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, "100", MetricUnit.Pound, "220.4623")]
    [InlineData(MetricUnit.Pound, "-225", MetricUnit.Kilogram, "-102.0583")]
    [InlineData(MetricUnit.Mile, "1", MetricUnit.Meter, "1609.344")]
    [InlineData(MetricUnit.Kilometer, "1", MetricUnit.Meter, "1000")]
    [InlineData(MetricUnit.Meter, "1", MetricUnit.Foot, "3.2808")]
    [InlineData(MetricUnit.Inch, "1", MetricUnit.Centimeter, "2.54")]
    [InlineData(MetricUnit.Yard, "100", MetricUnit.Meter, "91.44")]
    [InlineData(MetricUnit.Mile, "1", MetricUnit.Inch, "63360")]
    [InlineData(MetricUnit.Second, "90", MetricUnit.Minute, "1.5")]
    [InlineData(MetricUnit.Hour, "1.5", MetricUnit.Second, "5400")]
    [InlineData(MetricUnit.Second, "1", MetricUnit.Hour, "0.0003")]
    [InlineData(MetricUnit.Kilocalorie, "1", MetricUnit.Kilojoule, "4.184")]
    [InlineData(MetricUnit.Kilojoule, "1000", MetricUnit.Kilocalorie, "239.0057")]
    public void ConvertTo_uses_the_exact_factor_and_rounds_to_four_places(MetricUnit from, string amount, MetricUnit to, string expected)
    {
        var converted = MetricValue.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), from).ConvertTo(to);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), converted.Amount);
        Assert.Equal(to, converted.Unit);
    }

    [Theory]
    [InlineData("0.005", "0.0001")]
    [InlineData("-0.005", "-0.0001")]
    [InlineData("0.015", "0.0002")]
    [InlineData("0.025", "0.0003")]
    public void ConvertTo_rounds_an_exact_half_away_from_zero(string centimeters, string meters)
    {
        var converted = MetricValue.Of(decimal.Parse(centimeters, CultureInfo.InvariantCulture), MetricUnit.Centimeter).ConvertTo(MetricUnit.Meter);

        Assert.Equal(decimal.Parse(meters, CultureInfo.InvariantCulture), converted.Amount);
    }

    [Fact]
    public void ConvertTo_the_same_unit_returns_the_value_unchanged()
    {
        var value = MetricValue.Of(102.5m, MetricUnit.Kilogram);

        Assert.Equal(value, value.ConvertTo(MetricUnit.Kilogram));
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, MetricUnit.Meter)]
    [InlineData(MetricUnit.Percent, MetricUnit.Kilogram)]
    [InlineData(MetricUnit.Second, MetricUnit.BeatsPerMinute)]
    [InlineData(MetricUnit.Watt, MetricUnit.Kilojoule)]
    [InlineData(MetricUnit.Repetition, MetricUnit.Second)]
    public void Converting_across_dimensions_throws_IncompatibleUnitsException(MetricUnit from, MetricUnit to)
    {
        var value = MetricValue.Of(1m, from);

        var exception = Assert.Throws<IncompatibleUnitsException>(() => value.ConvertTo(to));

        Assert.Equal(from, exception.SourceUnit);
        Assert.Equal(to, exception.TargetUnit);
        Assert.Equal("targetUnit", exception.ParamName);
        Assert.Contains(from.Symbol(), exception.Message, StringComparison.Ordinal);
        Assert.Contains(to.Symbol(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Converting_kg_to_meters_names_both_symbols()
    {
        var exception = Assert.Throws<IncompatibleUnitsException>(() => MetricValue.Of(1m, MetricUnit.Kilogram).ConvertTo(MetricUnit.Meter));

        Assert.Contains("kg", exception.Message, StringComparison.Ordinal);
        Assert.Contains("meters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Converting_beyond_ten_to_the_tenth_throws_MetricValidationException()
    {
        var value = MetricValue.Of(9_999_999_999m, MetricUnit.Kilometer);

        var exception = Assert.Throws<MetricValidationException>(() => value.ConvertTo(MetricUnit.Meter));

        Assert.Equal("amount", exception.ParameterName);
    }

    [Fact]
    public void Converting_the_largest_mile_amount_to_inches_overflows_the_range_but_not_decimal()
    {
        var value = MetricValue.Of(9_999_999_999.9999m, MetricUnit.Mile);

        Assert.Throws<MetricValidationException>(() => value.ConvertTo(MetricUnit.Inch));
    }

    [Fact]
    public void Converting_the_largest_inch_amount_to_miles_stays_in_range()
    {
        // 9,999,999,999.9999 in × 0.0254 / 1609.344 = 157,828.2828…
        var miles = MetricValue.Of(9_999_999_999.9999m, MetricUnit.Inch).ConvertTo(MetricUnit.Mile);

        Assert.Equal(157_828.2828m, miles.Amount);
    }

    [Theory]
    [InlineData("225.0", MetricUnit.Pound)]
    [InlineData("0.0001", MetricUnit.Mile)]
    [InlineData("-9999999999.9999", MetricUnit.Inch)]
    public void Converting_to_its_own_unit_returns_the_value_itself_digits_and_all(string amount, MetricUnit unit)
    {
        var value = MetricValue.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), unit);

        var converted = value.ConvertTo(unit);

        Assert.Equal(value, converted);
        Assert.Equal(value.Amount.Scale, converted.Amount.Scale);
    }
}
