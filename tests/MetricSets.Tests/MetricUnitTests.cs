using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetricSets.Tests;

/// <summary>The text forms of <see cref="MetricUnit"/>: JSON and the type converter use the symbol, never the member name.</summary>
public class MetricUnitTests
{
    private static readonly JsonSerializerOptions EnumNames = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly JsonSerializerOptions SymbolsFirst =
        new() { Converters = { new Serialization.MetricUnitJsonConverter(), new JsonStringEnumConverter() } };

    public static TheoryData<MetricUnit> Units() => [.. MetricUnitExtensions.All];

    [Theory]
    [MemberData(nameof(Units))]
    public void Json_is_the_symbol_and_round_trips(MetricUnit unit)
    {
        var json = JsonSerializer.Serialize(unit);

        Assert.Equal(JsonSerializer.Serialize(unit.Symbol()), json);
        Assert.Equal(unit, JsonSerializer.Deserialize<MetricUnit>(json));
        Assert.Equal(unit, JsonSerializer.Deserialize<MetricUnit?>(json));
    }

    [Fact]
    public void Json_uses_the_labels_of_the_PostgreSQL_enum()
    {
        var json = JsonSerializer.Serialize(new[] { MetricUnit.Kilogram, MetricUnit.Pound, MetricUnit.Percent, MetricUnit.Second });

        Assert.Equal("""["kg","lb","%","seconds"]""", json);
    }

    [Fact]
    public void Json_dictionary_keys_are_symbols()
    {
        var map = new Dictionary<MetricUnit, int> { [MetricUnit.Kilogram] = 1, [MetricUnit.Mile] = 2 };

        var json = JsonSerializer.Serialize(map);

        Assert.Equal("""{"kg":1,"miles":2}""", json);
        Assert.Equal(map, JsonSerializer.Deserialize<Dictionary<MetricUnit, int>>(json));
    }

    [Theory]
    [InlineData("\"Kilogram\"")]
    [InlineData("\"KG\"")]
    [InlineData("\"kg \"")]
    [InlineData("\"0\"")]
    [InlineData("\"\"")]
    public void Json_rejects_anything_but_a_symbol_and_lists_the_symbols(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MetricUnit>(json));

        Assert.StartsWith("Cannot read a metric unit: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a metric unit symbol; use one of: kg, lb, %, seconds, minutes", error.Message, StringComparison.Ordinal);
        Assert.Equal("unit", Assert.IsType<MetricValidationException>(error.InnerException).ParameterName);
    }

    [Theory]
    [InlineData("0", "Number")]
    [InlineData("null", "Null")]
    public void Json_rejects_numbers_and_null(string json, string token)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MetricUnit>(json));

        Assert.Equal($"Cannot read a metric unit from a {token} token: expected a JSON string.", error.Message);
    }

    [Fact]
    public void A_JsonStringEnumConverter_in_the_options_wins_over_the_attribute_unless_ours_comes_first()
    {
        // As the converter's remarks say: options.Converters take precedence over [JsonConverter] on the type.
        Assert.Equal("\"Kilogram\"", JsonSerializer.Serialize(MetricUnit.Kilogram, EnumNames));
        Assert.Equal("\"kg\"", JsonSerializer.Serialize(MetricUnit.Kilogram, SymbolsFirst));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void TypeConverter_converts_from_and_to_the_symbol(MetricUnit unit)
    {
        var converter = TypeDescriptor.GetConverter(typeof(MetricUnit));

        Assert.True(converter.CanConvertFrom(typeof(string)));
        Assert.Equal(unit, converter.ConvertFromInvariantString(unit.Symbol()));
        Assert.Equal(unit.Symbol(), converter.ConvertToInvariantString(unit));
    }

    [Fact]
    public void TypeConverter_rejects_member_names_and_other_types()
    {
        var converter = TypeDescriptor.GetConverter(typeof(MetricUnit));

        var error = Assert.Throws<MetricValidationException>(() => converter.ConvertFromInvariantString("Kilogram"));
        Assert.Equal("unit", error.ParameterName);
        Assert.Equal("Kilogram", error.AttemptedValue);
        Assert.Throws<NotSupportedException>(() => converter.ConvertFrom(0));
        Assert.False(converter.CanConvertFrom(typeof(int)));
    }
}
