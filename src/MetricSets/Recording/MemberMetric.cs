using NodaTime;

namespace MetricSets;

/// <summary>
/// A value recorded for a member (a person, by user id) against a <see cref="MetricDefinition"/>: a row of
/// <c>member_metrics</c>.
/// </summary>
/// <remarks>
/// Values are stored as recorded, amount and unit together, and converted on read. They follow the person across
/// organizations. A recorded value is never edited; record a new one.
/// </remarks>
public sealed class MemberMetric
{
    // Persistence: the EF Core package maps these fields to the columns member_id, value and unit. member_id is a
    // plain Guid so that it can reference a host's own user entity, whose key is a Guid.
    private Guid _memberId;
    private decimal _amount;
    private MetricUnit _unit;

    // Mapped to member_metrics.organization_id only when the host opts into recorded-in provenance.
    private Guid? _recordedIn;

    private MemberMetric(
        MemberMetricId id, UserId memberId, MetricDefinitionId definitionId, MetricValue value, Instant recordedAt, MetricSource? source, OrganizationId? recordedIn)
    {
        _recordedIn = recordedIn?.Value;
        Id = id;
        _memberId = memberId.Value;
        DefinitionId = definitionId;
        (_amount, _unit) = (value.Amount, value.Unit);
        RecordedAt = TruncateToMicroseconds(recordedAt);
        Source = source;
    }

    // For EF Core materialization only.
    private MemberMetric()
    {
    }

    /// <summary>Gets the id.</summary>
    public MemberMetricId Id { get; private set; }

    /// <summary>Gets the member (user) the value belongs to.</summary>
    public UserId MemberId => new(_memberId);

    /// <summary>Gets the definition the value is recorded against.</summary>
    public MetricDefinitionId DefinitionId { get; private set; }

    /// <summary>Gets the value, in the unit it was recorded in.</summary>
    public MetricValue Value => MetricValue.Of(_amount, _unit);

    /// <summary>Gets when the value was measured, truncated to whole microseconds (the precision of <c>timestamptz</c>).</summary>
    public Instant RecordedAt { get; private set; }

    /// <summary>Gets where the value came from, or <see langword="null"/> when unknown.</summary>
    public MetricSource? Source { get; private set; }

    /// <summary>
    /// Gets the organization the value was recorded in, or <see langword="null"/> when it was recorded outside any
    /// organization (or the host has not opted into recorded-in provenance, in which case it is not stored).
    /// </summary>
    public OrganizationId? RecordedIn => _recordedIn is { } id ? new OrganizationId(id) : null;

    /// <summary>Records <paramref name="value"/> for <paramref name="memberId"/> against <paramref name="definition"/>.</summary>
    /// <param name="definition">The definition; it checks the unit and the bounds.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="value">The value.</param>
    /// <param name="recordedAt">When it was measured.</param>
    /// <param name="source">Where it came from, if known.</param>
    /// <param name="id">The id to use, for example one minted by an offline client; a new one when <see langword="null"/>.</param>
    /// <param name="recordedIn">The organization the value is recorded in, if any.</param>
    /// <returns>The recorded value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="MetricValidationException">
    /// The member or the id is empty, or the definition does not accept the value (see <see cref="MetricDefinition.EnsureAccepts"/>).
    /// </exception>
    public static MemberMetric Record(
        MetricDefinition definition,
        UserId memberId,
        MetricValue value,
        Instant recordedAt,
        MetricSource? source = null,
        MemberMetricId? id = null,
        OrganizationId? recordedIn = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (memberId.IsEmpty)
        {
            throw new MetricValidationException(nameof(memberId), memberId, "A member metric needs a non-empty member id.");
        }

        if (id is { IsEmpty: true })
        {
            throw new MetricValidationException(nameof(id), id, "A client-supplied member metric id must not be empty.");
        }

        definition.EnsureAccepts(value);
        return new MemberMetric(id ?? MemberMetricId.New(), memberId, definition.Id, value, recordedAt, source, recordedIn);
    }

    // timestamptz keeps microseconds; truncating here makes a value equal to itself after a database round trip.
    private static Instant TruncateToMicroseconds(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks(); // 100 ns ticks, floored
        return Instant.FromUnixTimeTicks(ticks - (((ticks % 10) + 10) % 10));
    }
}
