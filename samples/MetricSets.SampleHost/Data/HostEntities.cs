namespace MetricSets.SampleHost.Data;

// The host application's own tables. MetricSets references them; it never creates them.

/// <summary>A person with an account.</summary>
public sealed class User
{
    public Guid Id { get; set; }

    public required string DisplayName { get; set; }
}

/// <summary>A gym.</summary>
public sealed class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }
}

/// <summary>A workout, which belongs to one gym.</summary>
public sealed class Workout
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }
}

/// <summary>An active membership: a user's role in a gym.</summary>
public sealed class Membership
{
    public Guid UserId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>Either "member" or "staff".</summary>
    public required string Role { get; set; }
}
