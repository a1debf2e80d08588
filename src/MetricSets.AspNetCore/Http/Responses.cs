namespace MetricSets.AspNetCore.Http;

// The JSON shapes the endpoints answer with. Ids, units, slugs, sources and values use the domain's own JSON (ids as
// strings, units as symbols); times are ISO 8601 with offset.

/// <summary>A value: the amount (no trailing zeros), the unit's symbol and its short display symbol.</summary>
internal sealed record ValueResponse(decimal Amount, MetricUnit Unit, string Symbol)
{
    public static ValueResponse From(MetricValue value) => new(value.Amount, value.Unit, value.Unit.DisplaySymbol());
}

/// <summary>A recorded value: converted to the requested units (<c>value</c>) and as it was recorded (<c>asRecorded</c>).</summary>
internal sealed record ReadingResponse(
    MemberMetricId Id,
    UserId MemberId,
    MetricDefinitionId DefinitionId,
    ValueResponse Value,
    ValueResponse AsRecorded,
    DateTimeOffset RecordedAt,
    MetricSource? Source,
    OrganizationId? RecordedIn)
{
    public static ReadingResponse From(MetricReading reading, MetricUnit unit) =>
        new(
            reading.Id,
            reading.MemberId,
            reading.DefinitionId,
            ValueResponse.From(reading.Value.ConvertTo(unit)),
            ValueResponse.From(reading.Value),
            reading.RecordedAt.ToDateTimeOffset(),
            reading.Source,
            reading.RecordedIn);
}

/// <summary>A keyset page: pass <c>nextCursor</c> as <c>cursor</c> with the same query for the next page; null on the last.</summary>
internal sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A leaderboard row.</summary>
internal sealed record LeaderboardEntryResponse(long Rank, UserId MemberId, ReadingResponse Reading);

/// <summary>The owner of a set: <c>organization</c>, <c>workout</c> or <c>member</c>, and its id.</summary>
internal sealed record OwnerResponse(string Kind, Guid Id)
{
    public static OwnerResponse From(MetricOwner owner) =>
        owner.Match(
            member => new OwnerResponse(OwnerKinds.Member, member.Value),
            workout => new OwnerResponse(OwnerKinds.Workout, workout.Value),
            organization => new OwnerResponse(OwnerKinds.Organization, organization.Value));
}

/// <summary>A set: its definitions in order.</summary>
internal sealed record MetricSetResponse(MetricSetId Id, string Name, OwnerResponse Owner, IReadOnlyList<MetricDefinitionId> DefinitionIds)
{
    public static MetricSetResponse From(MetricSetSnapshot set) => new(set.Id, set.Name, OwnerResponse.From(set.Owner), set.DefinitionIds);
}

/// <summary>One definition of a resolved set, with the member's latest value.</summary>
internal sealed record ResolvedMetricResponse(
    MetricDefinitionId DefinitionId, MetricSlug Slug, string Name, string Kind, MetricUnit Unit, string UnitSymbol, ReadingResponse? Latest);

/// <summary>A set resolved for a member: names in <c>language</c>, values in the requested units.</summary>
internal sealed record ResolvedSetResponse(
    MetricSetId Id, string Name, OwnerResponse Owner, UserId MemberId, string Language, IReadOnlyList<ResolvedMetricResponse> Metrics)
{
    public static ResolvedSetResponse From(ResolvedMetricSet set, string language) =>
        new(
            set.Id,
            set.Name,
            OwnerResponse.From(set.Owner),
            set.MemberId,
            language,
            [.. set.Metrics.Select(metric => new ResolvedMetricResponse(
                metric.DefinitionId,
                metric.Slug,
                metric.Name,
                metric.Kind.ToString(),
                metric.Unit,
                metric.Unit.DisplaySymbol(),
                metric.Latest is { } latest ? ReadingResponse.From(latest, metric.Unit) : null))]);
}

/// <summary>A catalogue entry, its name in the request's language.</summary>
internal sealed record CatalogEntryResponse(
    MetricDefinitionId Id, MetricSlug Slug, string Name, MetricUnit Unit, string UnitSymbol, string Kind, string BestDirection, string? Description)
{
    public static CatalogEntryResponse From(MetricDefinition definition, string language) =>
        new(
            definition.Id,
            definition.Slug,
            definition.Name.Resolve(language),
            definition.Unit,
            definition.Unit.DisplaySymbol(),
            definition.Kind.ToString(),
            definition.Kind.BestDirection().ToString(),
            definition.Description);
}

/// <summary>The outcome of a bulk import.</summary>
internal sealed record ImportResponse(int Total, int Recorded, int AlreadyRecorded)
{
    public static ImportResponse From(RecordManyResult result) => new(result.Total, result.Recorded, result.AlreadyRecorded);
}
