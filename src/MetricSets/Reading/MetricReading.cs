using NodaTime;

namespace MetricSets;

/// <summary>A stored member metric value, as reads and writes return it: a snapshot, detached from any context.</summary>
/// <remarks>
/// <para>Equality is component-wise (the value by amount and unit, as <see cref="MetricValue"/> defines it).</para>
/// <para>New optional members may be added in later versions; construct instances with an object initializer.</para>
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricReading : IEquatable<MetricReading>
{
    /// <summary>Gets the value's id.</summary>
    public required MemberMetricId Id { get; init; }

    /// <summary>Gets the member the value belongs to.</summary>
    public required UserId MemberId { get; init; }

    /// <summary>Gets the definition the value was recorded against.</summary>
    public required MetricDefinitionId DefinitionId { get; init; }

    /// <summary>Gets the value, in the unit it was recorded in (convert it with <see cref="MetricValue.ConvertTo"/>).</summary>
    public required MetricValue Value { get; init; }

    /// <summary>Gets when it was measured.</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>Gets where it came from, or <see langword="null"/> when unknown.</summary>
    public MetricSource? Source { get; init; }

    /// <summary>
    /// Gets the organization it was recorded in, or <see langword="null"/> when it was recorded outside one, when the host
    /// keeps no recorded-in provenance, or when the viewer may not learn it (another organization's value).
    /// </summary>
    public OrganizationId? RecordedIn { get; init; }

    /// <inheritdoc />
    public bool Equals(MetricReading? other) =>
        other is not null
        && Id == other.Id
        && MemberId == other.MemberId
        && DefinitionId == other.DefinitionId
        && Value == other.Value
        && RecordedAt == other.RecordedAt
        && Source == other.Source
        && RecordedIn == other.RecordedIn;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricReading);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, MemberId, DefinitionId, Value, RecordedAt, Source, RecordedIn);

    /// <summary>Returns the reading for logs, for example <c>102.5 kg at 2026-11-30T09:00:00Z (0193…)</c>.</summary>
    /// <returns>The reading as text.</returns>
    public override string ToString() => $"{Value} at {RecordedAt} ({Id})";

    /// <summary>Determines whether two readings are equal.</summary>
    /// <param name="left">The first reading.</param>
    /// <param name="right">The second reading.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricReading? left, MetricReading? right) => Equals(left, right);

    /// <summary>Determines whether two readings differ.</summary>
    /// <param name="left">The first reading.</param>
    /// <param name="right">The second reading.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricReading? left, MetricReading? right) => !Equals(left, right);
}
