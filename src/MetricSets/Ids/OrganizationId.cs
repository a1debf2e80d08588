namespace MetricSets;

/// <summary>
/// Identifies an organization (a gym) of the host application, which owns the organizations table.
/// </summary>
[StronglyTypedId]
public readonly partial struct OrganizationId;
