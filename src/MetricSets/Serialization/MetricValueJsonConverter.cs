using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetricSets.Serialization;

/// <summary>
/// Reads and writes a <see cref="MetricValue"/> as a JSON object with a number and a unit symbol, such as
/// <c>{"amount": 102.5, "unit": "kg"}</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MetricValue"/> carries <c>[JsonConverter]</c> with this type, so no registration is needed; it is public so
/// that a source-generated <see cref="JsonSerializerContext"/> can create it.
/// </para>
/// <para>
/// Writing puts <c>amount</c> first, without trailing zeros (<c>225</c>, not <c>225.0</c>), then <c>unit</c>. The property
/// names are fixed (a naming policy does not rename them). Reading matches them case-insensitively, in any order, and
/// throws <see cref="JsonException"/> when one is missing, repeated or unknown, when the amount is not a JSON number or
/// the unit not a known symbol, or when <see cref="MetricValue.Of"/> rejects the value (more than four decimal places, out
/// of range); then the message says why and <see cref="Exception.InnerException"/> is the
/// <see cref="MetricValidationException"/>.
/// </para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public sealed class MetricValueJsonConverter : JsonConverter<MetricValue>
{
    private const string AmountProperty = "amount";
    private const string UnitProperty = "unit";
    private const string Example = "{\"amount\": 102.5, \"unit\": \"kg\"}";

    private static readonly MetricUnitJsonConverter Units = new();

    /// <summary>Reads a value from a JSON object such as <c>{"amount": 102.5, "unit": "kg"}</c>.</summary>
    /// <param name="reader">The reader, positioned on the start of the object.</param>
    /// <param name="typeToConvert">The type to convert: <see cref="MetricValue"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is not such an object, or the model rejects the value.</exception>
    public override MetricValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Cannot read a metric value from a {reader.TokenType} token: expected an object such as {Example}.");
        }

        decimal? amount = null;
        MetricUnit? unit = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (amount is null && string.Equals(name, AmountProperty, StringComparison.OrdinalIgnoreCase))
            {
                amount = reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)
                    ? number
                    : throw new JsonException($"Cannot read a metric value: \"amount\" must be a JSON number within the range of decimal, such as {Example}.");
            }
            else if (unit is null && string.Equals(name, UnitProperty, StringComparison.OrdinalIgnoreCase))
            {
                unit = Units.Read(ref reader, typeof(MetricUnit), options);
            }
            else
            {
                throw new JsonException($"Cannot read a metric value: the property \"{name}\" is unknown or repeated; a metric value has exactly \"amount\" and \"unit\", such as {Example}.");
            }
        }

        if (amount is null || unit is null)
        {
            throw new JsonException($"Cannot read a metric value: it needs both \"amount\" and \"unit\", such as {Example}.");
        }

        try
        {
            return MetricValue.Of(amount.Value, unit.Value);
        }
        catch (MetricValidationException validation)
        {
            throw new JsonException($"Cannot read a metric value: {validation.Message}", validation);
        }
    }

    /// <summary>Writes <paramref name="value"/> as <c>{"amount": …, "unit": "…"}</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options; not used.</param>
    public override void Write(Utf8JsonWriter writer, MetricValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName(AmountProperty);

        // The amount is normalized (MetricValue.Amount), so the number has no trailing zeros whatever path made the value.
        writer.WriteNumberValue(value.Amount);
        writer.WriteString(UnitProperty, value.Unit.Symbol());
        writer.WriteEndObject();
    }
}
