using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

/// <summary>
/// Text, binding and JSON of the two snake_case code types, <see cref="MetricSlug"/> and <see cref="MetricSource"/>, run
/// once per type (the subclasses at the end of the file).
/// </summary>
public abstract class SnakeCaseCodeContract<T>(int maxLength, Func<T, string> text, string what)
    where T : class, ISpanParsable<T>, IEquatable<T>
{
    [Property]
    public Property The_parsable_members_accept_every_valid_code() =>
        Prop.ForAll(Generators.SnakeCase(maxLength).ToArbitrary(), code =>
        {
            var parsed = T.Parse(code, CultureInfo.InvariantCulture);

            Assert.Equal(code, text(parsed));
            Assert.Equal(parsed, T.Parse(code.AsSpan(), null));
            Assert.True(T.TryParse(code, null, out var tried));
            Assert.Equal(parsed, tried);
            Assert.True(T.TryParse(code.AsSpan(), null, out tried));
            Assert.Equal(parsed, tried);
        });

    [Property]
    public Property The_parsable_members_reject_every_invalid_code_with_the_validation_error() =>
        Prop.ForAll(Generators.NotSnakeCase(maxLength).ToArbitrary(), code =>
        {
            Assert.False(T.TryParse(code, null, out var tried));
            Assert.Null(tried);
            Assert.False(T.TryParse(code.AsSpan(), null, out tried));
            Assert.Null(tried);
            var error = Assert.Throws<MetricValidationException>(() => T.Parse(code, null));
            Assert.Equal(code, error.AttemptedValue);
            Assert.Contains(what, error.Message, StringComparison.Ordinal);
            Assert.Throws<MetricValidationException>(() => T.Parse(code.AsSpan(), null));
        });

    [Fact]
    public void TryParse_of_null_is_false()
    {
        Assert.False(T.TryParse((string?)null, null, out var tried));
        Assert.Null(tried);
    }

    [Property]
    public Property Json_is_the_code_as_a_string_and_round_trips() =>
        Prop.ForAll(Generators.SnakeCase(maxLength).ToArbitrary(), code =>
        {
            var value = T.Parse(code, null);

            var json = JsonSerializer.Serialize(value);

            Assert.Equal($"\"{code}\"", json);
            Assert.Equal(value, JsonSerializer.Deserialize<T>(json));
            var map = new Dictionary<T, int> { [value] = 1 };
            var mapJson = JsonSerializer.Serialize(map);
            Assert.Equal($"{{\"{code}\":1}}", mapJson);
            Assert.Equal(map, JsonSerializer.Deserialize<Dictionary<T, int>>(mapJson));
        });

    [Fact]
    public void Json_null_reads_as_null()
    {
        Assert.Null(JsonSerializer.Deserialize<T>("null"));
        Assert.Equal("null", JsonSerializer.Serialize<T?>(null));
    }

    [Theory]
    [InlineData("\"Back_Squat\"", "not lowercase snake_case")]
    [InlineData("\"\"", "must not be empty")]
    [InlineData("\"a-b\"", "not lowercase snake_case")]
    public void Json_rejects_an_invalid_code_with_the_validation_message(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json));

        Assert.StartsWith($"Cannot read a {what}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.IsType<MetricValidationException>(error.InnerException);
    }

    [Theory]
    [InlineData("42", "Number")]
    [InlineData("true", "True")]
    [InlineData("[]", "StartArray")]
    [InlineData("{}", "StartObject")]
    public void Json_rejects_anything_but_a_string(string json, string token)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json));

        Assert.Equal($"Cannot read a {what} from a {token} token: expected a JSON string.", error.Message);
    }

    [Fact]
    public void Json_rejects_an_invalid_dictionary_key()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<T, int>>("{\"Not_Valid\":1}"));

        Assert.Contains("not lowercase snake_case", error.Message, StringComparison.Ordinal);
    }

    [Property]
    public Property TypeConverter_converts_from_and_to_the_code() =>
        Prop.ForAll(Generators.SnakeCase(maxLength).ToArbitrary(), code =>
        {
            var converter = TypeDescriptor.GetConverter(typeof(T));
            var value = T.Parse(code, null);

            Assert.True(converter.CanConvertFrom(typeof(string)));
            Assert.False(converter.CanConvertFrom(typeof(int)));
            Assert.Equal(value, converter.ConvertFromInvariantString(code));
            Assert.Equal(code, converter.ConvertToInvariantString(value));
            Assert.Equal(code, converter.ConvertTo(value, typeof(string)));
        });

    [Fact]
    public void TypeConverter_rejects_an_invalid_code_and_other_types()
    {
        var converter = TypeDescriptor.GetConverter(typeof(T));

        Assert.Throws<MetricValidationException>(() => converter.ConvertFromInvariantString("Not_Valid"));
        Assert.Throws<NotSupportedException>(() => converter.ConvertFrom(42));
        Assert.Throws<NotSupportedException>(() => converter.ConvertTo(T.Parse("a", null), typeof(int)));
    }
}

public sealed class MetricSlugCodeContract() : SnakeCaseCodeContract<MetricSlug>(MetricSlug.MaxLength, slug => slug.Value, "metric slug");

public sealed class MetricSourceCodeContract() : SnakeCaseCodeContract<MetricSource>(MetricSource.MaxLength, source => source.Code, "metric source");
