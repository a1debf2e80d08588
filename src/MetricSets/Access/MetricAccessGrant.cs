namespace MetricSets;

/// <summary>
/// What a handler grants when it lets a viewer through: for reads, which values they see; for recording, which
/// organization the value is recorded in.
/// </summary>
/// <remarks>
/// <see cref="Everything"/> is a member's grant over their own values. <see cref="InOrganization"/> is a grant made
/// because of a role in an organization: with restricted provenance (the default) the viewer sees only values recorded
/// there, plus the member's self-reports, and a value recorded under it remembers the organization.
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricAccessGrant : IEquatable<MetricAccessGrant>
{
    private MetricAccessGrant(OrganizationId? organization) => Organization = organization;

    /// <summary>Gets the grant of every value, recorded in no organization.</summary>
    public static MetricAccessGrant Everything { get; } = new(null);

    /// <summary>Gets the organization the grant is made in, or <see langword="null"/> for <see cref="Everything"/>.</summary>
    public OrganizationId? Organization { get; }

    /// <summary>Returns a grant made because of a role in <paramref name="organization"/>.</summary>
    /// <param name="organization">The organization.</param>
    /// <returns>The grant.</returns>
    /// <exception cref="ArgumentException"><paramref name="organization"/> is empty.</exception>
    public static MetricAccessGrant InOrganization(OrganizationId organization) =>
        organization.IsEmpty ? throw new ArgumentException("A grant's organization must not be empty.", nameof(organization)) : new(organization);

    /// <inheritdoc />
    public bool Equals(MetricAccessGrant? other) => other is not null && Organization == other.Organization;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricAccessGrant);

    /// <inheritdoc />
    public override int GetHashCode() => Organization.GetHashCode();

    /// <summary>Returns <c>Everything</c> or <c>In 0192…</c>.</summary>
    /// <returns>The grant as text.</returns>
    public override string ToString() => Organization is { } organization ? $"In {organization}" : "Everything";

    /// <summary>Determines whether two grants are equal.</summary>
    /// <param name="left">The first grant.</param>
    /// <param name="right">The second grant.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricAccessGrant? left, MetricAccessGrant? right) => Equals(left, right);

    /// <summary>Determines whether two grants differ.</summary>
    /// <param name="left">The first grant.</param>
    /// <param name="right">The second grant.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricAccessGrant? left, MetricAccessGrant? right) => !Equals(left, right);
}
