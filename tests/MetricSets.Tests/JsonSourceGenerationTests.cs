using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetricSets.Tests;

/// <summary>
/// A host that serializes with a source-generated <see cref="JsonSerializerContext"/> (trimming, Native AOT) gets the
/// domain's JSON shapes too: the context instantiates the public converters named by the types' [JsonConverter].
/// </summary>
public class JsonSourceGenerationTests
{
    [Fact]
    public void A_source_generated_context_writes_and_reads_the_ids()
    {
        var member = new UserId(Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
        var set = new MetricSetId(Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"));
        var document = new IdDocument(member, null, new Dictionary<MetricSetId, UserId> { [set] = member });

        var json = JsonSerializer.Serialize(document, TestJsonContext.Default.IdDocument);
        var read = JsonSerializer.Deserialize(json, TestJsonContext.Default.IdDocument)!;

        Assert.Equal(
            """{"member":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","organization":null,"owners":{"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}}""",
            json);
        Assert.Equal(member, read.Member);
        Assert.Null(read.Organization);
        Assert.Equal(document.Owners, read.Owners);
    }

    [Fact]
    public void A_source_generated_context_writes_and_reads_the_value_types()
    {
        var document = new ValueDocument(
            MetricSlug.Parse("back_squat_1rm"),
            MetricSource.CoachInput,
            MetricUnit.Percent,
            MetricValue.Of(102.5m, MetricUnit.Kilogram),
            LocalizedName.Create([KeyValuePair.Create("en", "Back squat"), KeyValuePair.Create("de", "Kniebeuge")]),
            new Dictionary<MetricSlug, MetricValue> { [MetricSlug.Parse("vo2max")] = MetricValue.Of(48m, MetricUnit.BeatsPerMinute) });

        var json = JsonSerializer.Serialize(document, TestJsonContext.Default.ValueDocument);
        var read = JsonSerializer.Deserialize(json, TestJsonContext.Default.ValueDocument)!;

        Assert.Equal(
            """{"slug":"back_squat_1rm","source":"coach_input","unit":"%","value":{"amount":102.5,"unit":"kg"},"name":{"en":"Back squat","de":"Kniebeuge"},"bests":{"vo2max":{"amount":48,"unit":"bpm"}}}""",
            json.Replace("\u0025", "%", StringComparison.Ordinal));
        Assert.Equal(document.Slug, read.Slug);
        Assert.Equal(document.Source, read.Source);
        Assert.Equal(document.Unit, read.Unit);
        Assert.Equal(document.Value, read.Value);
        Assert.Equal(document.Name, read.Name);
        Assert.Equal(document.Bests, read.Bests);
    }

    [Fact]
    public void A_source_generated_context_reports_an_invalid_id_as_a_JsonException()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"member":"nope","organization":null,"owners":{}}""", TestJsonContext.Default.IdDocument));

        Assert.Contains("Cannot read a UserId", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.member", error.Path);
    }
}

public sealed record ValueDocument(
    MetricSlug Slug, MetricSource Source, MetricUnit Unit, MetricValue Value, LocalizedName Name, Dictionary<MetricSlug, MetricValue> Bests);

public sealed record IdDocument(UserId Member, OrganizationId? Organization, Dictionary<MetricSetId, UserId> Owners);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IdDocument))]
[JsonSerializable(typeof(ValueDocument))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
