namespace MetricSets.AspNetCore.Http;

// The JSON bodies the endpoints read. Every property is optional in the type so that a missing one is a problem naming
// it, not an empty 400.

/// <summary>
/// A value to record: the definition by <c>definitionId</c> or <c>slug</c>, the value <c>{"amount": 225, "unit": "lb"}</c>,
/// optionally the time, the source and an idempotency <c>id</c>. In an import each row names its <c>memberId</c>.
/// </summary>
internal sealed record RecordValueBody(
    UserId? MemberId,
    MetricDefinitionId? DefinitionId,
    MetricSlug? Slug,
    MetricValue? Value,
    DateTimeOffset? RecordedAt,
    MetricSource? Source,
    MemberMetricId? Id);

/// <summary>A bulk import: the rows, in order.</summary>
internal sealed record ImportBody(IReadOnlyList<RecordValueBody?>? Rows);

/// <summary>The owner of a new set; absent: the organization of the route.</summary>
internal sealed record OwnerBody(string? Kind, Guid? Id);

/// <summary>A new set.</summary>
internal sealed record CreateSetBody(string? Name, OwnerBody? Owner, IReadOnlyList<MetricDefinitionId>? DefinitionIds);

/// <summary>A set's new name.</summary>
internal sealed record RenameSetBody(string? Name);

/// <summary>A definition to append to a set.</summary>
internal sealed record AddDefinitionBody(MetricDefinitionId? DefinitionId);

/// <summary>A definition's new zero-based position in its set.</summary>
internal sealed record MoveDefinitionBody(int? Index);

/// <summary>The owner kinds as the API spells them.</summary>
internal static class OwnerKinds
{
    public const string Organization = "organization";
    public const string Workout = "workout";
    public const string Member = "member";

    /// <exception cref="MetricValidationException">The kind is not one of the three, or the id is missing for a member or workout.</exception>
    public static MetricOwner Parse(OwnerBody? owner, OrganizationId organizationId) => owner?.Kind switch
    {
        null when owner?.Id is null => MetricOwner.ForOrganization(organizationId),
        Organization or null => MetricOwner.ForOrganization(new OrganizationId(owner?.Id ?? organizationId.Value)),
        Workout => MetricOwner.ForWorkout(new WorkoutId(Required(owner.Id))),
        Member => MetricOwner.ForMember(new UserId(Required(owner.Id))),
        _ => throw new MetricValidationException("owner.kind", null, "The owner kind must be organization, workout or member."),
    };

    private static Guid Required(Guid? id) =>
        id ?? throw new MetricValidationException("owner.id", null, "A workout or member owner needs its id.");
}
