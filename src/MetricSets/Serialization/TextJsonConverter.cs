using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetricSets.Serialization;

/// <summary>
/// The base of the converters that write a value as one JSON string, both as a value and as a dictionary key:
/// <see cref="MetricSlugJsonConverter"/>, <see cref="MetricSourceJsonConverter"/> and <see cref="MetricUnitJsonConverter"/>.
/// </summary>
/// <remarks>
/// <para>
/// Reading a token that is not a string, or text the model rejects, throws a <see cref="JsonException"/> whose message
/// says what was wrong and whose <see cref="Exception.InnerException"/> is the <see cref="MetricValidationException"/>.
/// </para>
/// <para>This type cannot be derived from outside the library.</para>
/// </remarks>
/// <typeparam name="T">The type converted.</typeparam>
/// <threadsafety>Instances are stateless and thread-safe.</threadsafety>
public abstract class TextJsonConverter<T> : JsonConverter<T>
{
    private readonly string _what;

    private protected TextJsonConverter(string what) => _what = what;

    /// <summary>Reads a value from a JSON string.</summary>
    /// <param name="reader">The reader, positioned on the string.</param>
    /// <param name="typeToConvert">The type to convert.</param>
    /// <param name="options">The serializer options; not used.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a string, or the text is not a valid value.</exception>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

    /// <summary>Writes <paramref name="value"/> as a JSON string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options; not used.</param>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <summary>Reads a value from a JSON property name, for dictionaries keyed by this type.</summary>
    /// <param name="reader">The reader, positioned on the property name.</param>
    /// <param name="typeToConvert">The type to convert.</param>
    /// <param name="options">The serializer options; not used.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The property name is not a valid value.</exception>
    public sealed override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

    /// <summary>Writes <paramref name="value"/> as a JSON property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options; not used.</param>
    public sealed override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Format(value));
    }

    /// <summary>Parses the text of a value; throws <see cref="MetricValidationException"/> when it is not one.</summary>
    private protected abstract T Parse(string text);

    /// <summary>Returns the text of <paramref name="value"/>.</summary>
    private protected abstract string Format(T value);

    private T ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"Cannot read a {_what} from a {reader.TokenType} token: expected a JSON string.");
        }

        try
        {
            return Parse(reader.GetString()!);
        }
        catch (MetricValidationException validation)
        {
            throw new JsonException($"Cannot read a {_what}: {validation.Message}", validation);
        }
    }
}
