
namespace MetricSets.SampleHost.Endpoints;

// The JSON shapes of the sample's API: primitives only, so any client can read them.

public sealed record ValueDto(decimal Amount, string Unit, string Display)
{
    public static ValueDto From(MetricValue value) => new(value.Amount, value.Unit.Symbol(), value.ToString());
}

public sealed record ReadingDto(Guid Id, Guid MemberId, Guid DefinitionId, ValueDto Value, DateTimeOffset RecordedAt, string? Source, Guid? RecordedIn)
{
    public static ReadingDto From(MetricReading reading) =>
        new(reading.Id.Value, reading.MemberId.Value, reading.DefinitionId.Value, ValueDto.From(reading.Value), reading.RecordedAt.ToDateTimeOffset(), reading.Source?.Code, reading.RecordedIn?.Value);
}

public sealed record ResolvedMetricDto(Guid DefinitionId, string Slug, string Name, string Kind, string Unit, ValueDto? Latest, DateTimeOffset? RecordedAt, ValueDto? AsRecorded);

public sealed record ResolvedSetDto(Guid Id, string Name, string OwnerKind, Guid MemberId, string Language, IReadOnlyList<ResolvedMetricDto> Metrics)
{
    public static ResolvedSetDto From(ResolvedMetricSet set, string language) =>
        new(
            set.Id.Value,
            set.Name,
            set.Owner.Kind.ToString(),
            set.MemberId.Value,
            language,
            [.. set.Metrics.Select(m => new ResolvedMetricDto(
                m.DefinitionId.Value,
                m.Slug.Value,
                m.Name,
                m.Kind.ToString(),
                m.Unit.Symbol(),
                m.LatestValue is { } latest ? ValueDto.From(latest) : null,
                m.Latest?.RecordedAt.ToDateTimeOffset(),
                m.Latest is { } recorded ? ValueDto.From(recorded.Value) : null))]);
}

public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record LeaderboardEntryDto(long Rank, Guid MemberId, ValueDto Value, ReadingDto Reading)
{
    public static LeaderboardEntryDto From(LeaderboardEntry entry) =>
        new(entry.Rank, entry.MemberId.Value, ValueDto.From(entry.Value), ReadingDto.From(entry.Reading));
}

public sealed record CatalogEntryDto(Guid Id, string Slug, string Name, string Unit, string Kind, string? Description);

/// <summary>The body of a recording request. Either <see cref="DefinitionId"/> or <see cref="Slug"/> names the definition.</summary>
public sealed record RecordMetricDto(Guid? DefinitionId, string? Slug, decimal Amount, string Unit, DateTimeOffset? RecordedAt, string? Source, Guid? Id);

public sealed record DemoDirectoryDto(
    IReadOnlyList<DemoEntityDto> Organizations, IReadOnlyList<DemoPersonDto> People, IReadOnlyList<DemoSetDto> Sets);

public sealed record DemoEntityDto(Guid Id, string Name);

public sealed record DemoPersonDto(Guid Id, string Name, IReadOnlyList<DemoRoleDto> Roles);

public sealed record DemoRoleDto(Guid OrganizationId, string Role);

public sealed record DemoSetDto(Guid Id, string Name, string OwnerKind, Guid? OrganizationId, Guid? MemberId);

/// <summary>One point of a history chart: the value in the requested units and as recorded.</summary>
public sealed record HistoryPointDto(Guid Id, DateTimeOffset RecordedAt, ValueDto Value, ValueDto AsRecorded, string? Source);
