namespace MetricSets.Tests;

public class MetricUnitExtensionsTests
{
    [Theory]
    [InlineData(MetricUnit.Kilogram, "kg", UnitDimension.Mass)]
    [InlineData(MetricUnit.Pound, "lb", UnitDimension.Mass)]
    [InlineData(MetricUnit.Percent, "%", UnitDimension.Ratio)]
    [InlineData(MetricUnit.Second, "seconds", UnitDimension.Time)]
    [InlineData(MetricUnit.Minute, "minutes", UnitDimension.Time)]
    [InlineData(MetricUnit.Hour, "hours", UnitDimension.Time)]
    [InlineData(MetricUnit.Meter, "meters", UnitDimension.Length)]
    [InlineData(MetricUnit.Kilometer, "kilometers", UnitDimension.Length)]
    [InlineData(MetricUnit.Centimeter, "centimeters", UnitDimension.Length)]
    [InlineData(MetricUnit.Mile, "miles", UnitDimension.Length)]
    [InlineData(MetricUnit.Yard, "yards", UnitDimension.Length)]
    [InlineData(MetricUnit.Foot, "feet", UnitDimension.Length)]
    [InlineData(MetricUnit.Inch, "inches", UnitDimension.Length)]
    [InlineData(MetricUnit.Repetition, "reps", UnitDimension.Count)]
    [InlineData(MetricUnit.BeatsPerMinute, "bpm", UnitDimension.Frequency)]
    [InlineData(MetricUnit.Watt, "watts", UnitDimension.Power)]
    [InlineData(MetricUnit.Kilojoule, "kj", UnitDimension.Energy)]
    [InlineData(MetricUnit.Kilocalorie, "kcal", UnitDimension.Energy)]
    public void Symbol_and_Dimension_match_the_documented_table(MetricUnit unit, string symbol, UnitDimension dimension)
    {
        Assert.Equal(symbol, unit.Symbol());
        Assert.Equal(dimension, unit.Dimension());
        Assert.True(MetricUnitExtensions.TryParseSymbol(symbol, out var parsed));
        Assert.Equal(unit, parsed);
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, "1")]
    [InlineData(MetricUnit.Pound, "0.45359237")]
    [InlineData(MetricUnit.Minute, "60")]
    [InlineData(MetricUnit.Hour, "3600")]
    [InlineData(MetricUnit.Kilometer, "1000")]
    [InlineData(MetricUnit.Centimeter, "0.01")]
    [InlineData(MetricUnit.Mile, "1609.344")]
    [InlineData(MetricUnit.Yard, "0.9144")]
    [InlineData(MetricUnit.Foot, "0.3048")]
    [InlineData(MetricUnit.Inch, "0.0254")]
    [InlineData(MetricUnit.Kilocalorie, "4.184")]
    public void Factor_is_the_exact_legal_definition(MetricUnit unit, string factor)
    {
        Assert.Equal(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture), unit.BaseFactor());
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, "kg")]
    [InlineData(MetricUnit.Pound, "lb")]
    [InlineData(MetricUnit.Percent, "%")]
    [InlineData(MetricUnit.Second, "s")]
    [InlineData(MetricUnit.Minute, "min")]
    [InlineData(MetricUnit.Hour, "h")]
    [InlineData(MetricUnit.Meter, "m")]
    [InlineData(MetricUnit.Kilometer, "km")]
    [InlineData(MetricUnit.Centimeter, "cm")]
    [InlineData(MetricUnit.Mile, "mi")]
    [InlineData(MetricUnit.Yard, "yd")]
    [InlineData(MetricUnit.Foot, "ft")]
    [InlineData(MetricUnit.Inch, "in")]
    [InlineData(MetricUnit.Repetition, "reps")]
    [InlineData(MetricUnit.BeatsPerMinute, "bpm")]
    [InlineData(MetricUnit.Watt, "W")]
    [InlineData(MetricUnit.Kilojoule, "kJ")]
    [InlineData(MetricUnit.Kilocalorie, "kcal")]
    public void DisplaySymbol_is_the_short_symbol_people_read(MetricUnit unit, string display)
    {
        Assert.Equal(display, unit.DisplaySymbol());
    }

    [Theory]
    [InlineData(MetricUnit.Second, "seconds")]
    [InlineData(MetricUnit.Watt, "watts")]
    [InlineData(MetricUnit.Kilojoule, "kj")]
    public void A_display_symbol_is_never_parsed_as_a_unit_and_the_symbol_stays_the_machine_form(MetricUnit unit, string symbol)
    {
        // The PostgreSQL labels and the JSON form do not change: "s" is for people only.
        Assert.False(MetricUnitExtensions.TryParseSymbol(unit.DisplaySymbol(), out _));
        Assert.Equal(symbol, unit.Symbol());
        Assert.Equal($"\"{symbol}\"", System.Text.Json.JsonSerializer.Serialize(unit));
    }

    [Fact]
    public void The_seed_units_keep_their_enum_positions()
    {
        // PostgreSQL enum labels follow declaration order; the seed's four come first and never move.
        Assert.Equal(0, (int)MetricUnit.Kilogram);
        Assert.Equal(1, (int)MetricUnit.Pound);
        Assert.Equal(2, (int)MetricUnit.Percent);
        Assert.Equal(3, (int)MetricUnit.Second);
    }

    [Fact]
    public void All_lists_every_unit_in_declaration_order()
    {
        Assert.Equal(Enum.GetValues<MetricUnit>(), MetricUnitExtensions.All);
        Assert.Equal(18, MetricUnitExtensions.All.Count);
    }

    [Theory]
    [InlineData("KG")]
    [InlineData("Kg")]
    [InlineData(" kg")]
    [InlineData("kilograms")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseSymbol_is_an_exact_ordinal_match(string? symbol)
    {
        Assert.False(MetricUnitExtensions.TryParseSymbol(symbol, out _));
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, MetricUnit.Pound, true)]
    [InlineData(MetricUnit.Mile, MetricUnit.Centimeter, true)]
    [InlineData(MetricUnit.Kilocalorie, MetricUnit.Kilojoule, true)]
    [InlineData(MetricUnit.Hour, MetricUnit.Hour, true)]
    [InlineData(MetricUnit.Kilogram, MetricUnit.Percent, false)]
    [InlineData(MetricUnit.Watt, MetricUnit.Kilojoule, false)]
    [InlineData(MetricUnit.BeatsPerMinute, MetricUnit.Repetition, false)]
    public void IsConvertibleTo_holds_exactly_within_a_dimension(MetricUnit unit, MetricUnit other, bool expected)
    {
        Assert.Equal(expected, unit.IsConvertibleTo(other));
        Assert.Equal(expected, other.IsConvertibleTo(unit));
    }

    [Fact]
    public void An_undefined_unit_is_a_validation_error()
    {
        var undefined = (MetricUnit)18;

        var symbol = Assert.Throws<MetricValidationException>(() => undefined.Symbol());
        var display = Assert.Throws<MetricValidationException>(() => undefined.DisplaySymbol());
        var dimension = Assert.Throws<MetricValidationException>(() => undefined.Dimension());

        Assert.Equal("unit", symbol.ParameterName);
        Assert.Equal(undefined, symbol.AttemptedValue);
        Assert.Equal("unit", dimension.ParameterName);
        Assert.Equal("unit", display.ParameterName);
    }
}
