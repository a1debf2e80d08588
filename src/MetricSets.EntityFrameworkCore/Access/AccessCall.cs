namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The access decisions of one library call, sharing one <see cref="MemoizedDirectory"/>: the checks a call makes (the
/// set's visibility and the member's values, for instance) never ask the directory the same question twice.
/// </summary>
/// <remarks>
/// Reads decide in two halves around their one statement: <c>Before…</c> runs what C# decides and returns the
/// <see cref="StatementAccess"/> the statement embeds; <see cref="After"/> reads the statement's verdict. Writes and set
/// management decide in C# alone.
/// </remarks>
internal sealed class AccessCall(MetricAccessPolicy policy, MemoizedDirectory directory, MemberMetricProvenance provenance, MembershipSql? rulesInSql)
{
    /// <summary>
    /// Decides what C# decides about reading <paramref name="memberId"/>'s values and returns the statement's access part;
    /// throws when that already refuses (a host handler's veto, or the directory's answer).
    /// </summary>
    public async Task<StatementAccess> BeforeMemberReadAsync(MetricViewer viewer, UserId memberId, CancellationToken cancellationToken)
    {
        var grants = await BeforeReadAsync(viewer, MetricAccessRequest.ReadValues(memberId), new MetricNotFoundException(MetricEntity.Member, memberId), cancellationToken)
            .ConfigureAwait(false);
        return StatementAccess.ForMemberRead(viewer, memberId, rulesInSql, grants);
    }

    /// <summary>
    /// Decides what C# decides about reading <paramref name="organizationId"/> as a whole; returns the statement's access
    /// part and, when the directory is the host's, the organization's active members (with mapped memberships the
    /// statement joins them instead).
    /// </summary>
    public async Task<(StatementAccess Access, IReadOnlyCollection<UserId>? Members)> BeforeOrganizationReadAsync(
        MetricViewer viewer, OrganizationId organizationId, CancellationToken cancellationToken)
    {
        var grants = await BeforeReadAsync(
            viewer, MetricAccessRequest.ReadOrganization(organizationId), new MetricNotFoundException(MetricEntity.Organization, organizationId), cancellationToken)
            .ConfigureAwait(false);
        return (StatementAccess.ForOrganizationRead(viewer, organizationId, rulesInSql, grants), rulesInSql is null ? await directory.ListActiveMembersAsync(organizationId, cancellationToken).ConfigureAwait(false) : null);
    }

    /// <summary>
    /// Returns what a granted read may disclose; throws <paramref name="refusal"/> when the statement refused. What the
    /// statement's staff check confirmed is remembered for the rest of the call, so a check C# makes afterwards (a set's
    /// visibility) does not ask the directory again.
    /// </summary>
    public ReadScope After(StatementGrant grant, MetricViewer viewer, MetricAccessRequest request, MetricNotFoundException refusal)
    {
        if (!grant.Granted)
        {
            policy.LogRefusal(viewer, request, decision: null);
            throw refusal;
        }

        if (grant.StaffConfirmedIn is { } organization)
        {
            directory.ConfirmStaff(viewer.UserId, organization);
        }

        return new ReadScope(grant.GrantedIn);
    }

    /// <summary>
    /// Determines whether <paramref name="viewer"/> may see a set owned by <paramref name="owner"/>, given the statement's
    /// verdict under the default rules (<see langword="null"/> when the statement left it to C#).
    /// </summary>
    public async Task<bool> CanSeeSetAsync(MetricViewer viewer, MetricOwner owner, bool? visibleByDefaultRules, CancellationToken cancellationToken)
    {
        if (visibleByDefaultRules is not { } visible)
        {
            return await CanSeeSetAsync(viewer, owner, cancellationToken).ConfigureAwait(false);
        }

        var request = MetricAccessRequest.ViewSet(owner);
        var decision = await policy.DecideAsync(viewer, request, directory, provenance, defaultRulesInStatement: true, cancellationToken).ConfigureAwait(false);
        var allowed = (visible || decision.Grants.Count > 0) && decision.FailureReasons.Count == 0;
        if (!allowed)
        {
            policy.LogRefusal(viewer, request, decision);
        }

        return allowed;
    }

    /// <summary>
    /// Decides what C# decides about <paramref name="actor"/> recording for <paramref name="memberId"/> and returns the
    /// statement's access part with the organization the value is recorded in. With mapped memberships and no host
    /// handlers the statement decides it all (the value is recorded where the actor acts); otherwise every rule runs here
    /// first and a refusal throws.
    /// </summary>
    public async Task<(StatementAccess Access, OrganizationId? RecordedIn)> BeforeRecordingAsync(
        MetricViewer actor, UserId memberId, MetricSource? source, CancellationToken cancellationToken)
    {
        if (rulesInSql is not null && !policy.HasHostHandlers)
        {
            return (StatementAccess.ForRecording(actor, memberId, rulesInSql), actor.OrganizationId);
        }

        var recordedIn = await RecordForMemberAsync(actor, memberId, source, cancellationToken).ConfigureAwait(false);
        return (StatementAccess.Everything(actor), recordedIn);
    }

    /// <summary>Logs the statement's refusal of a recording and returns the error it answers with.</summary>
    public MetricNotFoundException RecordingRefused(MetricViewer actor, UserId memberId, MetricSource? source)
    {
        policy.LogRefusal(actor, MetricAccessRequest.RecordValue(memberId, source), decision: null);
        return RecordingRefusal(actor, memberId);
    }

    /// <summary>
    /// Throws unless <paramref name="actor"/> may record for <paramref name="memberId"/> with <paramref name="source"/>;
    /// returns the organization the value is recorded in, or <see langword="null"/>.
    /// </summary>
    public async Task<OrganizationId?> RecordForMemberAsync(MetricViewer actor, UserId memberId, MetricSource? source, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(actor, MetricAccessRequest.RecordValue(memberId, source), cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            throw RecordingRefusal(actor, memberId);
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
        (await DecideAsync(actor, MetricAccessRequest.DeleteValue(memberId, recordedIn, source), cancellationToken).ConfigureAwait(false)).IsAllowed;

    /// <summary>Determines whether <paramref name="viewer"/> may see a set owned by <paramref name="owner"/>.</summary>
    public async Task<bool> CanSeeSetAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken) =>
        (await DecideAsync(viewer, MetricAccessRequest.ViewSet(owner), cancellationToken).ConfigureAwait(false)).IsAllowed;

    /// <summary>Determines whether <paramref name="actor"/> may create, change or delete a set owned by <paramref name="owner"/>.</summary>
    public async Task<bool> CanManageSetAsync(MetricViewer actor, MetricOwner owner, CancellationToken cancellationToken) =>
        (await DecideAsync(actor, MetricAccessRequest.ManageSet(owner), cancellationToken).ConfigureAwait(false)).IsAllowed;

    // A member's own value refused: the organization they claimed to act in is what does not hold.
    private static MetricNotFoundException RecordingRefusal(MetricViewer actor, UserId memberId) =>
        actor.UserId == memberId && actor.OrganizationId is { } claimed
            ? new MetricNotFoundException(MetricEntity.Organization, claimed)
            : new MetricNotFoundException(MetricEntity.Member, memberId);

    // Every rule in C#, the refusal logged.
    private async Task<MetricAccessContext> DecideAsync(MetricViewer viewer, MetricAccessRequest request, CancellationToken cancellationToken)
    {
        var decision = await policy.DecideAsync(viewer, request, directory, provenance, defaultRulesInStatement: false, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            policy.LogRefusal(viewer, request, decision);
        }

        return decision;
    }

    // The grants C# made; throws when C# already refuses.
    private async Task<IReadOnlyList<MetricAccessGrant>> BeforeReadAsync(MetricViewer viewer, MetricAccessRequest request, MetricNotFoundException refusal, CancellationToken cancellationToken)
    {
        var inStatement = rulesInSql is not null;
        var decision = await policy.DecideAsync(viewer, request, directory, provenance, inStatement, cancellationToken).ConfigureAwait(false);

        // With the rules in the statement, only a veto refuses here; without, the decision is complete.
        if (inStatement ? decision.FailureReasons.Count > 0 : !decision.IsAllowed)
        {
            policy.LogRefusal(viewer, request, decision);
            throw refusal;
        }

        return decision.Grants;
    }
}
