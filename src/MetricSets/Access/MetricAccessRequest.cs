namespace MetricSets;

/// <summary>
/// What a viewer asks to do, and to what: the resource of an access decision, in the manner of ASP.NET Core's
/// resource-based authorization. Create one with the factory for its <see cref="Operation"/>.
/// </summary>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricAccessRequest
{
    private MetricAccessRequest(
        MetricOperation operation, UserId? member = null, OrganizationId? organization = null, MetricOwner? setOwner = null, MetricSource? source = null, OrganizationId? recordedIn = null)
    {
        Operation = operation;
        Member = member;
        Organization = organization;
        SetOwner = setOwner;
        Source = source;
        RecordedIn = recordedIn;
    }

    /// <summary>Gets what is asked.</summary>
    public MetricOperation Operation { get; }

    /// <summary>Gets the member whose values are concerned (values operations), or <see langword="null"/>.</summary>
    public UserId? Member { get; }

    /// <summary>Gets the organization concerned (<see cref="MetricOperation.ReadOrganization"/>), or <see langword="null"/>.</summary>
    public OrganizationId? Organization { get; }

    /// <summary>Gets the owner of the set concerned (set operations), or <see langword="null"/>.</summary>
    public MetricOwner? SetOwner { get; }

    /// <summary>
    /// Gets the source of the value: the one to record (<see cref="MetricOperation.RecordValue"/>) or the stored one
    /// (<see cref="MetricOperation.DeleteValue"/>); <see langword="null"/> for none or other operations.
    /// </summary>
    public MetricSource? Source { get; }

    /// <summary>Gets where the stored value was recorded (<see cref="MetricOperation.DeleteValue"/>), when known.</summary>
    public OrganizationId? RecordedIn { get; }

    /// <summary>Asks to read <paramref name="member"/>'s values.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The request.</returns>
    public static MetricAccessRequest ReadValues(UserId member) => new(MetricOperation.ReadValues, member);

    /// <summary>Asks to record a value with <paramref name="source"/> for <paramref name="member"/>.</summary>
    /// <param name="member">The member.</param>
    /// <param name="source">The value's source, or <see langword="null"/> for none.</param>
    /// <returns>The request.</returns>
    public static MetricAccessRequest RecordValue(UserId member, MetricSource? source) => new(MetricOperation.RecordValue, member, source: source);

    /// <summary>Asks to delete a stored value of <paramref name="member"/>.</summary>
    /// <param name="member">The member.</param>
    /// <param name="recordedIn">Where it was recorded, when known.</param>
    /// <param name="source">Its source, or <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    public static MetricAccessRequest DeleteValue(UserId member, OrganizationId? recordedIn, MetricSource? source) =>
        new(MetricOperation.DeleteValue, member, source: source, recordedIn: recordedIn);

    /// <summary>Asks to read <paramref name="organization"/>'s members' values together (leaderboards).</summary>
    /// <param name="organization">The organization.</param>
    /// <returns>The request.</returns>
    public static MetricAccessRequest ReadOrganization(OrganizationId organization) => new(MetricOperation.ReadOrganization, organization: organization);

    /// <summary>Asks to see a set owned by <paramref name="owner"/>.</summary>
    /// <param name="owner">The set's owner.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    public static MetricAccessRequest ViewSet(MetricOwner owner) =>
        new(MetricOperation.ViewSet, setOwner: owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>Asks to create, change or delete a set owned by <paramref name="owner"/>.</summary>
    /// <param name="owner">The set's owner.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    public static MetricAccessRequest ManageSet(MetricOwner owner) =>
        new(MetricOperation.ManageSet, setOwner: owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary>Returns the request for logs, without personal data: its operation and, for sets, the owner's kind.</summary>
    /// <returns>The request as text.</returns>
    public override string ToString() => SetOwner is { } owner ? $"{Operation} ({owner.Kind})" : Operation.ToString();
}
