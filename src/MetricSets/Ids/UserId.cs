namespace MetricSets;

/// <summary>
/// Identifies a person: the member a value or a set belongs to. A member is a user, never a gym membership, so
/// values follow the person across organizations; the host application owns the users table.
/// </summary>
[StronglyTypedId]
public readonly partial struct UserId;
