using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MetricSets.EntityFrameworkCore.Storage;

/// <summary>Value converters between the strongly typed ids and the <c>uuid</c> columns.</summary>
internal static class IdConverters
{
    public static readonly ValueConverter<MetricDefinitionId, Guid> DefinitionId = new(id => id.Value, value => new MetricDefinitionId(value));
    public static readonly ValueConverter<MetricSetId, Guid> SetId = new(id => id.Value, value => new MetricSetId(value));
    public static readonly ValueConverter<MemberMetricId, Guid> MemberMetricId = new(id => id.Value, value => new MemberMetricId(value));
}
