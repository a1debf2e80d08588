namespace MetricSets.Serialization;

/// <summary>
/// Reads and writes a <see cref="MetricUnit"/> as its symbol, such as <c>"kg"</c>, <c>"lb"</c>, <c>"%"</c> or
/// <c>"seconds"</c> (the labels of the PostgreSQL enum <c>metric_unit</c>), both as a value and as a dictionary key.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MetricUnit"/> carries <c>[JsonConverter]</c> with this type. A converter in
/// <see cref="System.Text.Json.JsonSerializerOptions.Converters"/> takes precedence over that attribute, so a host that adds
/// <see cref="System.Text.Json.Serialization.JsonStringEnumConverter"/> there writes member names (<c>"Kilogram"</c>)
/// instead, unless it adds this converter before it.
/// </para>
/// <para>
/// Reading matches symbols ordinally (<c>"KG"</c> is not a unit) and accepts neither member names nor numbers: an unknown
/// symbol throws a <see cref="System.Text.Json.JsonException"/> that lists the symbols.
/// </para>
/// </remarks>
/// <threadsafety>This type is stateless and thread-safe.</threadsafety>
public sealed class MetricUnitJsonConverter : TextJsonConverter<MetricUnit>
{
    /// <summary>Initializes a new instance.</summary>
    public MetricUnitJsonConverter()
        : base("metric unit")
    {
    }

    private protected override MetricUnit Parse(string text) => MetricUnitExtensions.ParseSymbol(text, "unit");

    private protected override string Format(MetricUnit value) => value.Symbol();
}
