namespace MetricSets.Serialization;

/// <summary>
/// Reads and writes a <see cref="MetricSlug"/> as a JSON string, such as <c>"back_squat_1rm"</c>, both as a value and as a
/// dictionary key.
/// </summary>
/// <remarks>
/// <see cref="MetricSlug"/> carries <c>[JsonConverter]</c> with this type, so no registration is needed; it is public so
/// that a source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> can create it. Text that is
/// not a slug throws a <see cref="System.Text.Json.JsonException"/> that says which rule it broke.
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public sealed class MetricSlugJsonConverter : TextJsonConverter<MetricSlug>
{
    /// <summary>Initializes a new instance.</summary>
    public MetricSlugJsonConverter()
        : base("metric slug")
    {
    }

    private protected override MetricSlug Parse(string text) => MetricSlug.Parse(text);

    private protected override string Format(MetricSlug value) => value.Value;
}
