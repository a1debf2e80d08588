using System.ComponentModel;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public partial class MetricValueTests
{
    [Theory]
    [InlineData("102.5 kg", "102.5", MetricUnit.Kilogram)]
    [InlineData("225 lb", "225", MetricUnit.Pound)]
    [InlineData("-3 %", "-3", MetricUnit.Percent)]
    [InlineData("0.0001 miles", "0.0001", MetricUnit.Mile)]
    [InlineData("1609.344 meters", "1609.344", MetricUnit.Meter)]
    [InlineData("  12 reps\t", "12", MetricUnit.Repetition)]
    [InlineData("+7 seconds", "7", MetricUnit.Second)]
    [InlineData(".5 hours", "0.5", MetricUnit.Hour)]
    [InlineData("102.5000 kg", "102.5", MetricUnit.Kilogram)]
    [InlineData("9999999999.9999 kj", "9999999999.9999", MetricUnit.Kilojoule)]
    public void Parse_reads_an_invariant_amount_one_space_and_a_symbol(string text, string amount, MetricUnit unit)
    {
        var expected = MetricValue.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), unit);

        Assert.Equal(expected, MetricValue.Parse(text));
        Assert.Equal(expected, MetricValue.Parse(text.AsSpan()));
        Assert.True(MetricValue.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.True(MetricValue.TryParse(text.AsSpan(), out parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kg")]
    [InlineData("102.5")]
    [InlineData("102.5kg")]
    [InlineData("102.5  kg")]
    [InlineData("102,5 kg")]
    [InlineData("1,000 kg")]
    [InlineData("1e3 kg")]
    [InlineData("102.5 KG")]
    [InlineData("102.5 Kilogram")]
    [InlineData("kg 102.5")]
    [InlineData("- kg")]
    [InlineData("102.5 kg extra")]
    [InlineData("NaN kg")]
    public void Parse_rejects_text_of_another_form_with_a_FormatException(string text)
    {
        var error = Assert.Throws<FormatException>(() => MetricValue.Parse(text));

        Assert.StartsWith($"'{text}' is not a metric value: expected an amount in the invariant culture, one space and a unit symbol, such as '102.5 kg'", error.Message, StringComparison.Ordinal);
        Assert.Contains("kg, lb, %, seconds", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MetricValue.Parse(text.AsSpan()));
        Assert.False(MetricValue.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
        Assert.False(MetricValue.TryParse(text.AsSpan(), out _));
    }

    [Theory]
    [InlineData("102.12345 kg", "more than 4 decimal places")]
    [InlineData("10000000000 kg", "out of range")]
    [InlineData("-10000000000 kg", "out of range")]
    public void Parse_reports_a_well_formed_value_the_model_rejects_as_a_validation_error(string text, string reason)
    {
        var error = Assert.Throws<MetricValidationException>(() => MetricValue.Parse(text));

        Assert.Equal("amount", error.ParameterName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(MetricValue.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Parse_of_null_is_an_argument_error_and_TryParse_of_null_is_false()
    {
        Assert.Throws<ArgumentNullException>(() => MetricValue.Parse((string)null!));
        Assert.False(MetricValue.TryParse((string?)null, out _));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("he-IL")]
    [InlineData("ar-SA")]
    public void Text_is_the_same_in_every_culture(string culture)
    {
        var value = MetricValue.Of(-1234.5m, MetricUnit.Kilogram);
        using var scope = new CultureScope(culture);

        Assert.Equal("-1234.5 kg", value.ToString());
        Assert.Equal("-1234.5 kg", value.ToString(null, CultureInfo.CurrentCulture));
        Assert.Equal("-1234.5 kg", $"{value}");
        Assert.Equal(value, MetricValue.Parse("-1234.5 kg"));
        Assert.Throws<FormatException>(() => MetricValue.Parse("-1234,5 kg"));
    }

    [Property]
    public Property Parse_reads_back_what_ToString_writes()
    {
        var values = Generators.Unit.SelectMany(Generators.ValueIn);

        return Prop.ForAll(values.ToArbitrary(), value =>
        {
            var text = value.ToString();

            Assert.Equal(value, MetricValue.Parse(text));
            Assert.True(MetricValue.TryParse(text, out var parsed));
            Assert.Equal(value, parsed);
            Assert.Equal(value, TypeDescriptor.GetConverter(typeof(MetricValue)).ConvertFromInvariantString(text));
            Assert.Equal(text, TypeDescriptor.GetConverter(typeof(MetricValue)).ConvertToInvariantString(value));
        });
    }

    [Property]
    public Property TryFormat_writes_what_ToString_writes_or_nothing()
    {
        var values = Generators.Unit.SelectMany(Generators.ValueIn);

        return Prop.ForAll(values.ToArbitrary(), value =>
        {
            var expected = value.ToString();
            var exact = new char[expected.Length];
            var larger = new char[expected.Length + 5];

            Assert.True(value.TryFormat(exact, out var written, default, null));
            Assert.Equal(expected, new string(exact, 0, written));
            Assert.True(value.TryFormat(larger, out written, "G", CultureInfo.GetCultureInfo("de-DE")));
            Assert.Equal(expected, new string(larger, 0, written));
            Assert.False(value.TryFormat(new char[expected.Length - 1], out written, default, null));
            Assert.Equal(0, written);
        });
    }

    [Theory]
    [InlineData("N")]
    [InlineData("F2")]
    [InlineData("g")]
    public void Formats_other_than_G_are_rejected(string format)
    {
        var value = MetricValue.Of(1m, MetricUnit.Kilogram);

        var error = Assert.Throws<FormatException>(() => value.ToString(format, null));
        Assert.Contains($"'{format}'", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => value.TryFormat(new char[32], out _, format, null));
        Assert.Equal("1 kg", value.ToString("G", null));
        Assert.Equal("1 kg", value.ToString(string.Empty, null));
    }

    [Fact]
    public void TypeConverter_rejects_text_that_is_not_a_value()
    {
        var converter = TypeDescriptor.GetConverter(typeof(MetricValue));

        Assert.True(converter.CanConvertFrom(typeof(string)));
        Assert.Throws<FormatException>(() => converter.ConvertFromInvariantString("heavy"));
        Assert.Throws<MetricValidationException>(() => converter.ConvertFromInvariantString("1.00001 kg"));
        Assert.Throws<NotSupportedException>(() => converter.ConvertFrom(1.5m));
    }
}
