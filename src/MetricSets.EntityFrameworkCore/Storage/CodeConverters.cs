using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MetricSets.EntityFrameworkCore.Storage;

/// <summary>Value converters between the validated code types and their <c>varchar</c> columns.</summary>
internal static class CodeConverters
{
    public static readonly ValueConverter<MetricSlug, string> Slug = new(slug => slug.Value, value => MetricSlug.Parse(value));
    public static readonly ValueConverter<MetricSource, string> Source = new(source => source.Code, value => MetricSource.Parse(value));
}
