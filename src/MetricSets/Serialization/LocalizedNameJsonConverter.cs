using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetricSets.Serialization;

/// <summary>
/// Reads and writes a <see cref="LocalizedName"/> as a JSON object of language tag to text, such as
/// <c>{"en": "1RM Back Squat", "he": "1RM סקוואט"}</c>: the shape of the <c>name_i18n</c> jsonb column.
/// </summary>
/// <remarks>
/// <para>
/// Writing puts the <see cref="LocalizedName.DefaultLanguage"/> first, then the other tags in ordinal order. The object
/// has no place for the default language, so reading chooses it: <c>en</c> when the object has an <c>en</c> text (in any
/// casing), otherwise the first key. A name whose default language is not <c>en</c> but that also has an <c>en</c> text
/// therefore reads back with <c>en</c> as its default; every other name reads back equal to the one written.
/// </para>
/// <para>
/// Reading throws <see cref="JsonException"/> for anything but an object of strings, and when
/// <see cref="LocalizedName.Create"/> rejects the texts (an empty object, a malformed or repeated tag, a blank text); then
/// the message says why and <see cref="Exception.InnerException"/> is the <see cref="MetricValidationException"/>.
/// </para>
/// <para>
/// The writer's encoder decides how non-ASCII text is written: System.Text.Json's default escapes Hebrew and Russian as
/// <c>\uXXXX</c>, which reads back unchanged; a host that wants them as text configures
/// <see cref="JsonSerializerOptions.Encoder"/>.
/// </para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public sealed class LocalizedNameJsonConverter : JsonConverter<LocalizedName>
{
    /// <summary>Reads a name from a JSON object of language tag to text.</summary>
    /// <param name="reader">The reader, positioned on the start of the object.</param>
    /// <param name="typeToConvert">The type to convert: <see cref="LocalizedName"/>.</param>
    /// <param name="options">The serializer options; not used.</param>
    /// <returns>The name.</returns>
    /// <exception cref="JsonException">The JSON is not an object of strings, or the model rejects the texts.</exception>
    public override LocalizedName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Cannot read a localized name from a {reader.TokenType} token: expected an object such as {{\"en\": \"Back squat\"}}.");
        }

        var texts = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var language = reader.GetString()!;
            reader.Read();
            texts.Add(KeyValuePair.Create(
                language,
                reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : throw new JsonException($"Cannot read a localized name: the text for '{language}' is a {reader.TokenType} token, not a JSON string.")));
        }

        var defaultLanguage = texts.Exists(text => LanguageTag.TryNormalize(text.Key, out var tag) && tag == LocalizedName.FallbackLanguage) || texts.Count == 0
            ? LocalizedName.FallbackLanguage
            : texts[0].Key;
        try
        {
            return LocalizedName.Create(texts, defaultLanguage);
        }
        catch (MetricValidationException validation)
        {
            throw new JsonException($"Cannot read a localized name: {validation.Message}", validation);
        }
    }

    /// <summary>Writes <paramref name="value"/> as an object of language tag to text, the default language first.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The name.</param>
    /// <param name="options">The serializer options; not used.</param>
    public override void Write(Utf8JsonWriter writer, LocalizedName value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(value.DefaultLanguage, value.DefaultText);
        foreach (var (language, text) in value.Texts)
        {
            if (language != value.DefaultLanguage)
            {
                writer.WriteString(language, text);
            }
        }

        writer.WriteEndObject();
    }
}
