using System.Text.Json;
using System.Text.Json.Serialization;
using MetricSets.Serialization;

namespace MetricSets.Tests;

/// <summary>The public converters called directly, as a host's own converter or a source-generated context may.</summary>
public class JsonConverterTests
{
    private static readonly JsonSerializerOptions Options = JsonSerializerOptions.Default;

    [Fact]
    public void Writing_to_a_null_writer_is_an_argument_error()
    {
        AssertNullWriterRejected(new MetricSlugJsonConverter(), MetricSlug.Parse("back_squat"));
        AssertNullWriterRejected(new MetricSourceJsonConverter(), MetricSource.CoachInput);
        AssertNullWriterRejected(new MetricUnitJsonConverter(), MetricUnit.Kilogram);
        AssertNullWriterRejected(new MetricValueJsonConverter(), MetricValue.Of(1m, MetricUnit.Kilogram));
        AssertNullWriterRejected(new LocalizedNameJsonConverter(), LocalizedName.Of("en", "Squat"));
        AssertNullWriterRejected(new UserIdJsonConverter(), UserId.New());
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new MetricUnitJsonConverter().WriteAsPropertyName(null!, MetricUnit.Kilogram, Options)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new UserIdJsonConverter().WriteAsPropertyName(null!, UserId.New(), Options)).ParamName);
    }

    [Fact]
    public void Writing_a_null_name_is_an_argument_error()
    {
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);

        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new LocalizedNameJsonConverter().Write(writer, null!, Options)).ParamName);
    }

    private static void AssertNullWriterRejected<T>(JsonConverter<T> converter, T value) =>
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => converter.Write(null!, value, Options)).ParamName);
}
