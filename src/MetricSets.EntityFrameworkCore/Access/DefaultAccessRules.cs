namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The library's default rules, as one <see cref="IMetricAccessHandler"/>. Deny by default; the claimed role alone
/// grants nothing, the directory must confirm it:
/// <list type="bullet">
/// <item>A member reads and records their own values (in an organization only if they belong to it) and deletes their
/// own self-reports.</item>
/// <item>Staff acting in organization O, confirmed by the directory, read, record and delete the values of O's active
/// members (under restricted provenance, only values recorded in O and the member's self-reports; a deletion only of a
/// value recorded in O), and read O's leaderboards.</item>
/// <item>Organization- and workout-owned sets are seen inside their organization by anyone holding a confirmed role
/// there, and managed by its staff; member-owned sets by the member and the staff of organizations the member belongs to.</item>
/// </list>
/// </summary>
internal sealed class DefaultAccessRules(MemberMetricProvenance provenance) : IMetricAccessHandler
{
    public async ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
    {
        var (viewer, request, directory) = (context.Viewer, context.Request, context.Directory);
        switch (request.Operation)
        {
            case MetricOperation.ReadValues:
                await GrantForMemberAsync(context, request.Member!.Value, cancellationToken).ConfigureAwait(false);
                break;

            case MetricOperation.RecordValue when viewer.UserId == request.Member:
                // A member may record "in" an organization only if they belong to it.
                if (viewer.OrganizationId is not { } organization)
                {
                    context.Succeed(MetricAccessGrant.Everything);
                }
                else if (await directory.GetRoleAsync(viewer.UserId, organization, cancellationToken).ConfigureAwait(false) is not null)
                {
                    context.Succeed(MetricAccessGrant.InOrganization(organization));
                }

                break;

            case MetricOperation.RecordValue:
                await GrantForMemberAsync(context, request.Member!.Value, cancellationToken).ConfigureAwait(false);
                break;

            case MetricOperation.DeleteValue:
                await GrantDeletionAsync(context, cancellationToken).ConfigureAwait(false);
                break;

            case MetricOperation.ReadOrganization:
                if (viewer.OrganizationId == request.Organization && await IsConfirmedStaffAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    context.Succeed(MetricAccessGrant.InOrganization(request.Organization!.Value));
                }

                break;

            case MetricOperation.ViewSet or MetricOperation.ManageSet:
                if (await MaySetAsync(context, request.SetOwner!, staffOnly: request.Operation == MetricOperation.ManageSet, cancellationToken).ConfigureAwait(false))
                {
                    context.Succeed(MetricAccessGrant.Everything);
                }

                break;
        }
    }

    // The member themself, or confirmed staff of an organization the member actively belongs to.
    private static async Task GrantForMemberAsync(MetricAccessContext context, UserId member, CancellationToken cancellationToken)
    {
        if (context.Viewer.UserId == member)
        {
            context.Succeed(MetricAccessGrant.Everything);
        }
        else if (await StaffOfMemberAsync(context, member, cancellationToken).ConfigureAwait(false) is { } organization)
        {
            context.Succeed(MetricAccessGrant.InOrganization(organization));
        }
    }

    // A member deletes what they entered themselves; staff delete what was recorded in their organization (without
    // provenance, where that is unknown: anything but the member's self-reports).
    private async Task GrantDeletionAsync(MetricAccessContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var member = request.Member!.Value;
        if (context.Viewer.UserId == member)
        {
            if (request.Source == MetricSource.SelfReport)
            {
                context.Succeed(MetricAccessGrant.Everything);
            }

            return;
        }

        if (await StaffOfMemberAsync(context, member, cancellationToken).ConfigureAwait(false) is not { } organization)
        {
            return;
        }

        var recordedHere = provenance == MemberMetricProvenance.None
            ? request.Source != MetricSource.SelfReport
            : request.RecordedIn == organization;
        if (recordedHere)
        {
            context.Succeed(MetricAccessGrant.InOrganization(organization));
        }
    }

    private static async Task<OrganizationId?> StaffOfMemberAsync(MetricAccessContext context, UserId member, CancellationToken cancellationToken) =>
        context.Viewer.OrganizationId is { } organization
        && await IsConfirmedStaffAsync(context, cancellationToken).ConfigureAwait(false)
        && await context.Directory.IsActiveMemberAsync(member, organization, cancellationToken).ConfigureAwait(false)
            ? organization
            : null;

    private static async Task<bool> MaySetAsync(MetricAccessContext context, MetricOwner owner, bool staffOnly, CancellationToken cancellationToken)
    {
        if (owner.TryGetMember(out var member))
        {
            return context.Viewer.UserId == member || await StaffOfMemberAsync(context, member, cancellationToken).ConfigureAwait(false) is not null;
        }

        var organization = owner.TryGetOrganization(out var owning)
            ? owning
            : context.Viewer.OrganizationId is null ? null
            : await context.Directory.GetWorkoutOrganizationAsync(owner.TryGetWorkout(out var workout) ? workout : default, cancellationToken).ConfigureAwait(false);
        if (organization is null || context.Viewer.OrganizationId != organization)
        {
            return false;
        }

        return staffOnly
            ? await IsConfirmedStaffAsync(context, cancellationToken).ConfigureAwait(false)
            : await context.Directory.GetRoleAsync(context.Viewer.UserId, organization.Value, cancellationToken).ConfigureAwait(false) is not null;
    }

    // The viewer claims staff in the organization they act in, and the directory confirms it.
    private static async Task<bool> IsConfirmedStaffAsync(MetricAccessContext context, CancellationToken cancellationToken) =>
        context.Viewer is { Role: ViewerRole.Staff, OrganizationId: { } organization }
        && await context.Directory.GetRoleAsync(context.Viewer.UserId, organization, cancellationToken).ConfigureAwait(false) == ViewerRole.Staff;
}
