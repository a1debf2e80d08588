namespace MetricSets;

/// <summary>
/// Who is asking for member metrics: a user, acting in an organization (or in none), in a claimed role. Every read of
/// member metrics takes one, and an access policy decides from it and from the host's
/// <see cref="IMembershipDirectory"/>; the claimed role alone never grants anything.
/// </summary>
/// <remarks>
/// <para>
/// Build one from the authenticated request: <see cref="ForMember"/> for a person looking at their own data, or
/// <see cref="ForStaff"/> for a coach acting in an organization (typically the organization in the route).
/// </para>
/// <para>Equality is component-wise.</para>
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricViewer : IEquatable<MetricViewer>
{
    private MetricViewer(UserId userId, OrganizationId? organizationId, ViewerRole role)
    {
        UserId = userId;
        OrganizationId = organizationId;
        Role = role;
    }

    /// <summary>Gets the user who is asking.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the organization the user acts in, or <see langword="null"/> when acting for themselves only.</summary>
    public OrganizationId? OrganizationId { get; }

    /// <summary>Gets the role the user claims in <see cref="OrganizationId"/>; the directory must confirm it.</summary>
    public ViewerRole Role { get; }

    /// <summary>Returns a viewer who is a member, optionally acting in an organization.</summary>
    /// <param name="userId">The member.</param>
    /// <param name="organizationId">The organization the request is scoped to, if any.</param>
    /// <returns>The viewer.</returns>
    /// <exception cref="MetricValidationException">An id is empty.</exception>
    public static MetricViewer ForMember(UserId userId, OrganizationId? organizationId = null) =>
        new(Validate(userId), ValidateOrganization(organizationId), ViewerRole.Member);

    /// <summary>Returns a viewer who claims to be staff of <paramref name="organizationId"/>.</summary>
    /// <param name="userId">The staff user.</param>
    /// <param name="organizationId">The organization they act in.</param>
    /// <returns>The viewer.</returns>
    /// <exception cref="MetricValidationException">An id is empty.</exception>
    public static MetricViewer ForStaff(UserId userId, OrganizationId organizationId) =>
        new(Validate(userId), ValidateOrganization(organizationId), ViewerRole.Staff);

    /// <inheritdoc />
    public bool Equals(MetricViewer? other) =>
        other is not null && UserId == other.UserId && OrganizationId == other.OrganizationId && Role == other.Role;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricViewer);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(UserId, OrganizationId, Role);

    /// <summary>Returns the viewer for logs, for example <c>Staff 0193… in 0192…</c>.</summary>
    /// <returns>The viewer as text.</returns>
    public override string ToString() => OrganizationId is { } organization ? $"{Role} {UserId} in {organization}" : $"{Role} {UserId}";

    /// <summary>Determines whether two viewers are equal.</summary>
    /// <param name="left">The first viewer.</param>
    /// <param name="right">The second viewer.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricViewer? left, MetricViewer? right) => Equals(left, right);

    /// <summary>Determines whether two viewers differ.</summary>
    /// <param name="left">The first viewer.</param>
    /// <param name="right">The second viewer.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricViewer? left, MetricViewer? right) => !Equals(left, right);

    private static UserId Validate(UserId userId) =>
        userId.IsEmpty ? throw new MetricValidationException(nameof(userId), userId, "A viewer needs a non-empty user id.") : userId;

    private static OrganizationId? ValidateOrganization(OrganizationId? organizationId) =>
        organizationId is { IsEmpty: true }
            ? throw new MetricValidationException(nameof(organizationId), organizationId, "A viewer's organization id must not be empty.")
            : organizationId;
}
