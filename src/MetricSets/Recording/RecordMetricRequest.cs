using NodaTime;

namespace MetricSets;

/// <summary>A value to record for a member against a definition.</summary>
/// <remarks>New optional members may be added in later versions, as properties set with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class RecordMetricRequest
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="memberId">The member (user) the value belongs to; the user must exist.</param>
    /// <param name="definitionId">The definition; it must exist and accept the value.</param>
    /// <param name="value">The value, in any unit convertible to the definition's unit.</param>
    public RecordMetricRequest(UserId memberId, MetricDefinitionId definitionId, MetricValue value)
    {
        MemberId = memberId;
        DefinitionId = definitionId;
        Value = value;
    }

    /// <summary>Gets the member (user) the value belongs to.</summary>
    public UserId MemberId { get; }

    /// <summary>Gets the definition.</summary>
    public MetricDefinitionId DefinitionId { get; }

    /// <summary>Gets the value.</summary>
    public MetricValue Value { get; }

    /// <summary>
    /// Gets the client's id for the value, the idempotency key, or <see langword="null"/> for a new one. Recording an id
    /// again with the same member, definition, amount, unit and source (and time, when the request sets one) returns the
    /// value stored the first time; with anything else it is a <see cref="MetricConflictException"/>. Mint it once, where
    /// the request is created, and send it with every retry.
    /// </summary>
    public MemberMetricId? Id { get; init; }

    /// <summary>Gets when the value was measured, or <see langword="null"/> for the time it is recorded.</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>Gets where the value came from, or <see langword="null"/> for the actor's default (a member's own value is a self-report).</summary>
    public MetricSource? Source { get; init; }
}
