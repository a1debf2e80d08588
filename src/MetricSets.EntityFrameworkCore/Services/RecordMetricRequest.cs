using NodaTime;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>A value to record for a member against a definition.</summary>
/// <param name="MemberId">The member (user) the value belongs to; the user must exist.</param>
/// <param name="DefinitionId">The definition; it must exist and accept the value.</param>
/// <param name="Value">The value, in any unit convertible to the definition's unit.</param>
public sealed record RecordMetricRequest(UserId MemberId, MetricDefinitionId DefinitionId, MetricValue Value)
{
    /// <summary>
    /// Gets the client's id for the value, or <see langword="null"/> for a new one. Recording the same id again with the
    /// same content is a no-op that returns the stored value; with different content it is a conflict.
    /// </summary>
    public MemberMetricId? Id { get; init; }

    /// <summary>Gets when the value was measured, or <see langword="null"/> for now.</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>Gets where the value came from, or <see langword="null"/> when unknown.</summary>
    public MetricSource? Source { get; init; }
}
