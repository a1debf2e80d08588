using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public partial class MetricValueTests
{
    [Theory]
    [InlineData("102.5", MetricUnit.Kilogram, """{"amount":102.5,"unit":"kg"}""")]
    [InlineData("225.0", MetricUnit.Pound, """{"amount":225,"unit":"lb"}""")]
    [InlineData("-0.0001", MetricUnit.Percent, """{"amount":-0.0001,"unit":"%"}""")]
    [InlineData("9999999999.9999", MetricUnit.Second, """{"amount":9999999999.9999,"unit":"seconds"}""")]
    public void Json_is_an_object_with_the_amount_and_the_unit_symbol(string amount, MetricUnit unit, string expected)
    {
        var value = MetricValue.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), unit);

        Assert.Equal(expected, JsonSerializer.Serialize(value));
        Assert.Equal(value, JsonSerializer.Deserialize<MetricValue>(expected));
    }

    [Property]
    public Property Json_round_trips_every_value()
    {
        var values = Generators.Unit.SelectMany(Generators.ValueIn);

        return Prop.ForAll(values.ToArbitrary(), value =>
        {
            var json = JsonSerializer.Serialize(value);

            Assert.Equal(value, JsonSerializer.Deserialize<MetricValue>(json));
            Assert.Equal($$"""{"amount":{{value.Amount.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}},"unit":"{{value.Unit.Symbol()}}"}""", json.Replace("\\u0025", "%", StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("""{"unit":"kg","amount":102.5}""")]
    [InlineData("""{"Amount":102.5,"Unit":"kg"}""")]
    [InlineData("""{ "AMOUNT" : 102.50 , "unit" : "kg" }""")]
    [InlineData("""{"amount":1.025e2,"unit":"kg"}""")]
    public void Json_reads_the_properties_in_any_order_and_casing(string json)
    {
        Assert.Equal(MetricValue.Of(102.5m, MetricUnit.Kilogram), JsonSerializer.Deserialize<MetricValue>(json));
    }

    private static readonly JsonSerializerOptions UpperSnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper };

    [Fact]
    public void Json_ignores_the_naming_policy()
    {
        Assert.Equal("""{"amount":1,"unit":"kg"}""", JsonSerializer.Serialize(MetricValue.Of(1m, MetricUnit.Kilogram), UpperSnakeCase));
    }

    [Theory]
    [InlineData("""{"amount":102.5}""", "it needs both \"amount\" and \"unit\"")]
    [InlineData("""{"unit":"kg"}""", "it needs both \"amount\" and \"unit\"")]
    [InlineData("""{}""", "it needs both \"amount\" and \"unit\"")]
    [InlineData("""{"amount":1,"unit":"kg","note":"x"}""", "the property \"note\" is unknown or repeated")]
    [InlineData("""{"amount":1,"amount":2,"unit":"kg"}""", "the property \"amount\" is unknown or repeated")]
    [InlineData("""{"amount":1,"unit":"kg","unit":"lb"}""", "the property \"unit\" is unknown or repeated")]
    [InlineData("""{"amount":"102.5","unit":"kg"}""", "\"amount\" must be a JSON number")]
    [InlineData("""{"amount":1e30,"unit":"kg"}""", "\"amount\" must be a JSON number within the range of decimal")]
    [InlineData("""{"amount":null,"unit":"kg"}""", "\"amount\" must be a JSON number")]
    [InlineData("""[102.5,"kg"]""", "Cannot read a metric value from a StartArray token")]
    [InlineData("\"102.5 kg\"", "Cannot read a metric value from a String token")]
    [InlineData("null", "Cannot read a metric value from a Null token")]
    public void Json_rejects_anything_but_exactly_an_amount_and_a_unit(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MetricValue>(json));

        Assert.StartsWith("Cannot read a metric value", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("{\"amount\": 102.5, \"unit\": \"kg\"}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"amount":102.12345,"unit":"kg"}""", "more than 4 decimal places")]
    [InlineData("""{"amount":10000000000,"unit":"kg"}""", "out of range")]
    public void Json_rejects_a_value_the_model_rejects_with_the_validation_message(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MetricValue>(json));

        Assert.StartsWith("Cannot read a metric value: The amount", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("amount", Assert.IsType<MetricValidationException>(error.InnerException).ParameterName);
    }

    [Fact]
    public void Json_rejects_an_unknown_unit_with_the_list_of_symbols()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<Dictionary<string, MetricValue>>("""{"best":{"amount":1,"unit":"Kilogram"}}"""));

        Assert.Contains("'Kilogram' is not a metric unit symbol; use one of: kg", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.best", error.Path);
    }

    [Fact]
    public void Json_nullable_values_read_null_as_null()
    {
        Assert.Null(JsonSerializer.Deserialize<MetricValue?>("null"));
        Assert.Equal("null", JsonSerializer.Serialize<MetricValue?>(null));
    }
}
