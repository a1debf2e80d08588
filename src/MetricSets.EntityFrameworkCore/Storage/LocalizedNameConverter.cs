using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MetricSets.EntityFrameworkCore.Storage;

/// <summary>
/// Converts a <see cref="LocalizedName"/> to and from its jsonb object <c>{ "en": …, "he": … }</c>.
/// </summary>
/// <remarks>
/// A converter rather than an EF complex type: the key set is open (any BCP 47 tag), and EF 10 complex types drop
/// unknown keys on save. The JSON is written by hand with <see cref="Utf8JsonWriter"/>, so no reflection is involved,
/// and with a relaxed encoder so Hebrew and Russian are stored as text rather than \u escapes.
/// </remarks>
internal sealed class LocalizedNameConverter(string defaultLanguage)
    : ValueConverter<LocalizedName, string>(name => Write(name), json => Read(json, defaultLanguage))
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The catalogue's few names come back on every set resolution, one per definition: each distinct text is parsed once
    // (a name is immutable). Bounded, so texts written by other tools cannot grow it without limit.
    private const int MaxParsed = 4096;
    private static readonly ConcurrentDictionary<(string Json, string DefaultLanguage), LocalizedName> Parsed = new();

    internal static string Write(LocalizedName name)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (language, text) in name.Texts)
            {
                writer.WriteString(language, text);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static LocalizedName Read(string json, string defaultLanguage)
    {
        var key = (json, defaultLanguage);
        if (Parsed.TryGetValue(key, out var name))
        {
            return name;
        }

        name = Parse(json, defaultLanguage);
        if (Parsed.Count >= MaxParsed)
        {
            Parsed.Clear();
        }

        Parsed[key] = name;
        return name;
    }

    private static LocalizedName Parse(string json, string defaultLanguage)
    {
        using var document = JsonDocument.Parse(json);
        var texts = document.RootElement.EnumerateObject()
            .Select(property => KeyValuePair.Create(property.Name, property.Value.GetString() ?? string.Empty))
            .ToList();
        return LocalizedName.Create(texts, defaultLanguage);
    }
}
