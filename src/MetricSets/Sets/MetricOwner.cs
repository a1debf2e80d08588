namespace MetricSets;

/// <summary>
/// The one party a <see cref="MetricSet"/> belongs to: a member, a workout or an organization.
/// </summary>
/// <remarks>
/// <para>
/// An owner always refers to exactly one party with a non-empty id; there is no "no owner" and no "two owners".
/// Create instances with <see cref="ForMember"/>, <see cref="ForWorkout"/> or <see cref="ForOrganization"/>, and take
/// them apart with <see cref="Match{TResult}"/>, which makes every caller handle all three kinds.
/// </para>
/// <para>Equality is component-wise: the same <see cref="Kind"/> and the same id.</para>
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricOwner : IEquatable<MetricOwner>
{
    // Invariant: _id != Guid.Empty; Kind says which strongly typed id wraps it.
    private readonly Guid _id;

    private MetricOwner(MetricOwnerKind kind, Guid id)
    {
        Kind = kind;
        _id = id;
    }

    /// <summary>Gets the kind of party.</summary>
    public MetricOwnerKind Kind { get; }

    /// <summary>Returns an owner referring to the member <paramref name="userId"/>.</summary>
    /// <param name="userId">The owning member.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="MetricValidationException"><paramref name="userId"/> is empty.</exception>
    public static MetricOwner ForMember(UserId userId) => Create(MetricOwnerKind.Member, userId.Value, nameof(userId));

    /// <summary>Returns an owner referring to the workout <paramref name="workoutId"/>.</summary>
    /// <param name="workoutId">The owning workout.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="MetricValidationException"><paramref name="workoutId"/> is empty.</exception>
    public static MetricOwner ForWorkout(WorkoutId workoutId) => Create(MetricOwnerKind.Workout, workoutId.Value, nameof(workoutId));

    /// <summary>Returns an owner referring to the organization <paramref name="organizationId"/>.</summary>
    /// <param name="organizationId">The owning organization.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="MetricValidationException"><paramref name="organizationId"/> is empty.</exception>
    public static MetricOwner ForOrganization(OrganizationId organizationId) =>
        Create(MetricOwnerKind.Organization, organizationId.Value, nameof(organizationId));

    /// <summary>Calls the function for this owner's kind with its id and returns the result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="member">Called for a member owner.</param>
    /// <param name="workout">Called for a workout owner.</param>
    /// <param name="organization">Called for an organization owner.</param>
    /// <returns>The result of the function called.</returns>
    public TResult Match<TResult>(
        Func<UserId, TResult> member,
        Func<WorkoutId, TResult> workout,
        Func<OrganizationId, TResult> organization)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(workout);
        ArgumentNullException.ThrowIfNull(organization);
        return Kind switch
        {
            MetricOwnerKind.Member => member(new UserId(_id)),
            MetricOwnerKind.Workout => workout(new WorkoutId(_id)),
            _ => organization(new OrganizationId(_id)),
        };
    }

    /// <summary>Gets the member id when this owner is a member.</summary>
    /// <param name="userId">The member's id, when it is.</param>
    /// <returns><see langword="true"/> when <see cref="Kind"/> is <see cref="MetricOwnerKind.Member"/>.</returns>
    public bool TryGetMember(out UserId userId)
    {
        userId = Kind == MetricOwnerKind.Member ? new UserId(_id) : default;
        return Kind == MetricOwnerKind.Member;
    }

    /// <summary>Gets the workout id when this owner is a workout.</summary>
    /// <param name="workoutId">The workout's id, when it is.</param>
    /// <returns><see langword="true"/> when <see cref="Kind"/> is <see cref="MetricOwnerKind.Workout"/>.</returns>
    public bool TryGetWorkout(out WorkoutId workoutId)
    {
        workoutId = Kind == MetricOwnerKind.Workout ? new WorkoutId(_id) : default;
        return Kind == MetricOwnerKind.Workout;
    }

    /// <summary>Gets the organization id when this owner is an organization.</summary>
    /// <param name="organizationId">The organization's id, when it is.</param>
    /// <returns><see langword="true"/> when <see cref="Kind"/> is <see cref="MetricOwnerKind.Organization"/>.</returns>
    public bool TryGetOrganization(out OrganizationId organizationId)
    {
        organizationId = Kind == MetricOwnerKind.Organization ? new OrganizationId(_id) : default;
        return Kind == MetricOwnerKind.Organization;
    }

    /// <inheritdoc />
    public bool Equals(MetricOwner? other) => other is not null && Kind == other.Kind && _id == other._id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricOwner);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _id);

    /// <summary>Returns the kind and id, for example <c>Organization 0193…</c>.</summary>
    /// <returns>The owner as text.</returns>
    public override string ToString() => $"{Kind} {_id}";

    /// <summary>Determines whether two owners are equal.</summary>
    /// <param name="left">The first owner.</param>
    /// <param name="right">The second owner.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricOwner? left, MetricOwner? right) => Equals(left, right);

    /// <summary>Determines whether two owners differ.</summary>
    /// <param name="left">The first owner.</param>
    /// <param name="right">The second owner.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricOwner? left, MetricOwner? right) => !Equals(left, right);

    private static MetricOwner Create(MetricOwnerKind kind, Guid id, string parameterName) =>
        id == Guid.Empty
            ? throw new MetricValidationException(parameterName, id, $"A {kind.ToString().ToLowerInvariant()} owner needs a non-empty id.")
            : new MetricOwner(kind, id);
}
