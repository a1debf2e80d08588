using System.Text.Encodings.Web;
using System.Text.Json;

namespace MetricSets.Tests;

public partial class LocalizedNameTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Json_is_an_object_of_tag_to_text_with_the_default_language_first()
    {
        var name = LocalizedName.Create(
            [KeyValuePair.Create("ru", "Присед"), KeyValuePair.Create("he", "סקוואט"), KeyValuePair.Create("en", "Squat")]);

        Assert.Equal("""{"en":"Squat","he":"סקוואט","ru":"Присед"}""", JsonSerializer.Serialize(name, Relaxed));
    }

    [Fact]
    public void Json_writes_a_default_language_other_than_en_first()
    {
        var name = LocalizedName.Create([KeyValuePair.Create("ru", "Присед"), KeyValuePair.Create("he", "סקוואט")], "ru");

        var json = JsonSerializer.Serialize(name, Relaxed);

        Assert.Equal("""{"ru":"Присед","he":"סקוואט"}""", json);
        Assert.Equal(name, JsonSerializer.Deserialize<LocalizedName>(json));
    }

    [Fact]
    public void Json_read_takes_en_as_the_default_language_when_present_in_any_casing()
    {
        var name = JsonSerializer.Deserialize<LocalizedName>("""{"he":"סקוואט","EN":"Squat"}""")!;

        Assert.Equal("en", name.DefaultLanguage);
        Assert.Equal("Squat", name.DefaultText);
        Assert.Equal(["en", "he"], name.Texts.Keys);
    }

    [Fact]
    public void Json_read_takes_the_first_key_as_the_default_language_without_en()
    {
        var name = JsonSerializer.Deserialize<LocalizedName>("""{"he-il":"סקוואט","ru":"Присед"}""")!;

        Assert.Equal("he-IL", name.DefaultLanguage);
        Assert.Equal("סקוואט", name.DefaultText);
    }

    [Fact]
    public void Json_round_trip_moves_the_default_to_en_when_en_has_a_text_as_documented()
    {
        var name = LocalizedName.Create([KeyValuePair.Create("en", "Squat"), KeyValuePair.Create("he", "סקוואט")], "he");

        var read = JsonSerializer.Deserialize<LocalizedName>(JsonSerializer.Serialize(name))!;

        Assert.Equal("en", read.DefaultLanguage);
        Assert.Equal(name.Texts, read.Texts);
    }

    [Fact]
    public void Json_with_the_default_encoder_escapes_non_ASCII_and_still_round_trips()
    {
        var name = LocalizedName.Create([KeyValuePair.Create("en", "Squat"), KeyValuePair.Create("he", "סקוואט")]);

        var json = JsonSerializer.Serialize(name);

        Assert.Contains("\\u05E1", json, StringComparison.Ordinal);
        Assert.Equal(name, JsonSerializer.Deserialize<LocalizedName>(json));
    }

    [Theory]
    [InlineData("{}", "it has only: none")]
    [InlineData("""{"en":"Squat","EN":"Again"}""", "appears more than once")]
    [InlineData("""{"en":"  "}""", "must not be blank")]
    [InlineData("""{"english":"Squat"}""", "is not a supported BCP 47 language tag")]
    public void Json_rejects_texts_the_model_rejects_with_the_validation_message(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalizedName>(json));

        Assert.StartsWith("Cannot read a localized name: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.IsType<MetricValidationException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"en":1}""", "the text for 'en' is a Number token, not a JSON string")]
    [InlineData("""{"en":null}""", "the text for 'en' is a Null token, not a JSON string")]
    [InlineData("""{"en":{"text":"Squat"}}""", "the text for 'en' is a StartObject token, not a JSON string")]
    [InlineData("""["en","Squat"]""", "from a StartArray token: expected an object")]
    [InlineData("\"Squat\"", "from a String token: expected an object")]
    public void Json_rejects_anything_but_an_object_of_strings(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalizedName>(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_reads_as_null()
    {
        Assert.Null(JsonSerializer.Deserialize<LocalizedName>("null"));
    }
}
