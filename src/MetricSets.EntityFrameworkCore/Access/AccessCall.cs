namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The access decisions of one library call, sharing one <see cref="MemoizedDirectory"/>: the checks a call makes (the
/// set's visibility and the member's values, for instance) never ask the directory the same question twice.
/// </summary>
internal sealed class AccessCall(MetricAccessPolicy policy, MemoizedDirectory directory, MemberMetricProvenance provenance)
{
    /// <summary>
    /// Throws unless <paramref name="viewer"/> may read <paramref name="memberId"/>'s values; returns what the reads may
    /// return (their confinement under restricted provenance, and the recorded-in organizations they may disclose).
    /// </summary>
    public async Task<ReadScope> ReadMemberAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken)
    {
        var decision = await policy.DecideAsync(viewer, MetricAccessRequest.ReadValues(memberId), directory, provenance, cancellationToken).ConfigureAwait(false);
        return decision.IsAllowed ? ReadScope.Of(decision, provenance) : throw new MetricNotFoundException(MetricEntity.Member, memberId);
    }

    /// <summary>
    /// Throws unless <paramref name="actor"/> may record for <paramref name="memberId"/> with <paramref name="source"/>;
    /// returns the organization the value is recorded in, or <see langword="null"/>.
    /// </summary>
    public async Task<OrganizationId?> RecordForMemberAsync(MetricViewer actor, UserId memberId, MetricSource? source, CancellationToken cancellationToken)
    {
        var decision = await policy.DecideAsync(actor, MetricAccessRequest.RecordValue(memberId, source), directory, provenance, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            // A member's own value refused: the organization they claimed to act in is what does not hold.
            throw actor.UserId == memberId && actor.OrganizationId is { } claimed
                ? new MetricNotFoundException(MetricEntity.Organization, claimed)
                : new MetricNotFoundException(MetricEntity.Member, memberId);
        }

        if (decision.Grants.Any(grant => grant.Organization is null))
        {
            return null;
        }

        // Recorded where the actor acts, when a grant was made there; otherwise in the first granting organization.
        return decision.Grants.Select(grant => grant.Organization).FirstOrDefault(organization => organization == actor.OrganizationId)
            ?? decision.Grants[0].Organization;
    }

    /// <summary>Determines whether <paramref name="actor"/> may delete a stored value with these facts.</summary>
    public async Task<bool> CanDeleteAsync(MetricViewer actor, UserId memberId, OrganizationId? recordedIn, MetricSource? source, CancellationToken cancellationToken) =>
        (await policy.DecideAsync(actor, MetricAccessRequest.DeleteValue(memberId, recordedIn, source), directory, provenance, cancellationToken).ConfigureAwait(false)).IsAllowed;

    /// <summary>
    /// Returns the active members of <paramref name="organizationId"/> and the confinement of the viewer's reads when they
    /// may read the organization together; throws otherwise, before listing anyone.
    /// </summary>
    public async Task<(IReadOnlyCollection<UserId> Members, ReadScope Scope)> ReadOrganizationAsync(
        MetricViewer viewer, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        var decision = await policy.DecideAsync(viewer, MetricAccessRequest.ReadOrganization(organizationId), directory, provenance, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            throw new MetricNotFoundException(MetricEntity.Organization, organizationId);
        }

        return (await directory.ListActiveMembersAsync(organizationId, cancellationToken).ConfigureAwait(false), ReadScope.Of(decision, provenance));
    }

    /// <summary>Determines whether <paramref name="viewer"/> may see a set owned by <paramref name="owner"/>.</summary>
    public async Task<bool> CanSeeSetAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken) =>
        (await policy.DecideAsync(viewer, MetricAccessRequest.ViewSet(owner), directory, provenance, cancellationToken).ConfigureAwait(false)).IsAllowed;

    /// <summary>Determines whether <paramref name="actor"/> may create, change or delete a set owned by <paramref name="owner"/>.</summary>
    public async Task<bool> CanManageSetAsync(MetricViewer actor, MetricOwner owner, CancellationToken cancellationToken) =>
        (await policy.DecideAsync(actor, MetricAccessRequest.ManageSet(owner), directory, provenance, cancellationToken).ConfigureAwait(false)).IsAllowed;
}
