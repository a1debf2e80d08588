namespace MetricSets;

/// <summary>
/// The stable code of a <see cref="MetricSetsException"/>: what a host maps to a status and a problem-details <c>type</c>,
/// so that it never parses messages. Codes are never renamed or renumbered; new ones are only appended.
/// </summary>
public enum MetricErrorCode
{
    /// <summary>An input breaks a rule of the model (<see cref="MetricValidationException"/>); maps to 400.</summary>
    InvalidValue,

    /// <summary>Rows of a batch break rules (<see cref="MetricBatchValidationException"/>); maps to 400.</summary>
    InvalidBatch,

    /// <summary>What the operation needs does not exist, or is not visible to the caller (<see cref="MetricNotFoundException"/>); maps to 404.</summary>
    NotFound,

    /// <summary>A member metric id is already used for a different value (<see cref="MetricConflictException"/>); maps to 409.</summary>
    IdInUse,

    /// <summary>A metric definition with the slug exists (<see cref="MetricConflictException"/>); maps to 409.</summary>
    SlugInUse,

    /// <summary>A metric definition is used by sets or values and cannot be deleted (<see cref="MetricConflictException"/>); maps to 409.</summary>
    DefinitionInUse,

    /// <summary>A metric set already contains the definition (<see cref="MetricConflictException"/>); maps to 409.</summary>
    DefinitionAlreadyInSet,
}
