namespace MetricSets.Serialization;

/// <summary>
/// Reads and writes a <see cref="MetricSource"/> as a JSON string, such as <c>"coach_input"</c>, both as a value and as a
/// dictionary key.
/// </summary>
/// <remarks>
/// <see cref="MetricSource"/> carries <c>[JsonConverter]</c> with this type, so no registration is needed; it is public so
/// that a source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> can create it. Text that is
/// not a source code throws a <see cref="System.Text.Json.JsonException"/> that says which rule it broke.
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public sealed class MetricSourceJsonConverter : TextJsonConverter<MetricSource>
{
    /// <summary>Initializes a new instance.</summary>
    public MetricSourceJsonConverter()
        : base("metric source")
    {
    }

    private protected override MetricSource Parse(string text) => MetricSource.Parse(text);

    private protected override string Format(MetricSource value) => value.Code;
}
