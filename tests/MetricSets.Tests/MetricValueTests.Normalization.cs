using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

// An amount reads back as it was written: numeric(14,4) returns 225 lb as 225.0000, and MetricValue normalizes the
// decimal itself, so every path (Of, OfRounded, ConvertTo, Parse, JSON, a database read) gives the same amount, text and JSON.
public partial class MetricValueTests
{
    [Theory]
    [InlineData("225.0000", MetricUnit.Pound, "225", 0)]
    [InlineData("102.5000", MetricUnit.Kilogram, "102.5", 1)]
    [InlineData("0.0000", MetricUnit.Percent, "0", 0)]
    [InlineData("-0.0000", MetricUnit.Percent, "0", 0)]
    [InlineData("1.2340", MetricUnit.Second, "1.234", 3)]
    [InlineData("0.0001", MetricUnit.Second, "0.0001", 4)]
    [InlineData("100", MetricUnit.Kilogram, "100", 0)]
    [InlineData("9999999999.9990", MetricUnit.Meter, "9999999999.999", 3)]
    public void Of_normalizes_the_amount_as_a_database_read_returns_it(string stored, MetricUnit unit, string expected, int scale)
    {
        var value = MetricValue.Of(decimal.Parse(stored, CultureInfo.InvariantCulture), unit);

        Assert.Equal(scale, value.Amount.Scale);
        Assert.Equal(expected, value.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal($"{expected} {unit.Symbol()}", value.ToString());
        Assert.Equal($$"""{"amount":{{expected}},"unit":"{{unit.Symbol()}}"}""", JsonSerializer.Serialize(value).Replace("\\u0025", "%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_zero_becomes_zero()
    {
        var negativeZero = decimal.Negate(0.0000m);

        var value = MetricValue.Of(negativeZero, MetricUnit.Kilogram);

        Assert.True(decimal.IsNegative(negativeZero));
        Assert.False(decimal.IsNegative(value.Amount));
        Assert.Equal("0 kg", value.ToString());
    }

    [Fact]
    public void A_decimal_property_holding_the_amount_serializes_without_trailing_zeros()
    {
        // What a host's own DTO ({ Amount = value.Amount }) writes: the same number as the value's own JSON.
        var read = MetricValue.Of(225.0000m, MetricUnit.Pound);

        Assert.Equal("""{"Amount":225}""", JsonSerializer.Serialize(new { read.Amount }));
    }

    [Fact]
    public void Every_way_in_yields_the_same_normalized_amount()
    {
        var written = MetricValue.Of(225m, MetricUnit.Pound);

        MetricValue[] others =
        [
            MetricValue.Of(225.0000m, MetricUnit.Pound),
            MetricValue.OfRounded(225.00001m, MetricUnit.Pound),
            MetricValue.Parse("225.0000 lb"),
            MetricValue.TryParse("225.00 lb", out var parsed) ? parsed : default,
            JsonSerializer.Deserialize<MetricValue>("""{"amount":225.000,"unit":"lb"}"""),
        ];

        foreach (var other in others)
        {
            Assert.Equal(written, other);
            Assert.Equal(0, other.Amount.Scale);
            Assert.Equal("225", other.Amount.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_conversion_result_has_no_trailing_zeros()
    {
        // 0.5 × 1609.344 = 804.6720 m of base amount (scale 4); ÷ 0.9144 = 880 yards exactly.
        var converted = MetricValue.Of(0.5m, MetricUnit.Mile).ConvertTo(MetricUnit.Yard);

        Assert.Equal(0, converted.Amount.Scale);
        Assert.Equal("880 yards", converted.ToString());
        Assert.Equal("""{"amount":880,"unit":"yards"}""", JsonSerializer.Serialize(converted));
    }

    [Property]
    public Property Every_amount_is_normalized_whatever_its_scale()
    {
        var cases = Generators.Unit.SelectMany(unit => Generators.Amount.SelectMany(amount => Gen.Choose(0, 20).Select(zeros => (unit, amount, zeros))));

        return Prop.ForAll(cases.ToArbitrary(), ((MetricUnit Unit, decimal Amount, int Zeros) c) =>
        {
            // Multiplying by 1.000… adds its scale: 102.5 × 1.00 = 102.500.
            var one = decimal.Parse(c.Zeros == 0 ? "1" : "1." + new string('0', c.Zeros), CultureInfo.InvariantCulture);
            var padded = c.Amount * one;
            var value = MetricValue.Of(padded, c.Unit);
            var text = value.Amount.ToString(CultureInfo.InvariantCulture);

            return value == MetricValue.Of(c.Amount, c.Unit)
                && !text.EndsWith('.')
                && !(text.Contains('.', StringComparison.Ordinal) && text.EndsWith('0'))
                && value.Amount.Scale == MetricValue.Of(c.Amount, c.Unit).Amount.Scale;
        });
    }
}
