namespace MetricSets.Benchmarks.Data;

/// <summary>The host's membership row, as the sample host keeps them: a user's role in an organization.</summary>
public sealed class BenchMembership
{
    /// <summary>Gets or sets the user.</summary>
    public Guid UserId { get; set; }

    /// <summary>Gets or sets the organization.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Gets or sets the role: <c>member</c> or <c>staff</c>.</summary>
    public string Role { get; set; } = string.Empty;
}
