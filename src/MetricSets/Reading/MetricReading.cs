using NodaTime;

namespace MetricSets;

/// <summary>A stored member metric value as a read returns it.</summary>
/// <param name="Id">The value's id.</param>
/// <param name="MemberId">The member it belongs to.</param>
/// <param name="DefinitionId">The definition it was recorded against.</param>
/// <param name="Value">The value, in the unit it was recorded in (convert with <see cref="MetricValue.ConvertTo"/>).</param>
/// <param name="RecordedAt">When it was measured.</param>
/// <param name="Source">Where it came from, or <see langword="null"/>.</param>
/// <param name="RecordedIn">
/// The organization it was recorded in, or <see langword="null"/> when recorded outside one or when the host has not opted
/// into recorded-in provenance.
/// </param>
public sealed record MetricReading(
    MemberMetricId Id,
    UserId MemberId,
    MetricDefinitionId DefinitionId,
    MetricValue Value,
    Instant RecordedAt,
    MetricSource? Source,
    OrganizationId? RecordedIn = null);
