using MetricSets.SampleHost.Access;
using MetricSets.SampleHost.Data;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.SampleHost.Demo;

/// <summary>
/// DEMO: <c>GET /demo</c> lists the seeded organizations, people and sets so that the page can offer them in its menus.
/// Mapped in Development only: a real host's client knows its user and organization from its own login.
/// </summary>
internal static class DemoDirectory
{
    public static void MapDemoDirectory(this IEndpointRouteBuilder app) =>
        app.MapGet("/demo", ListAsync).WithTags("Demo").WithSummary("DEMO: the seeded organizations, people and sets, for the page.");

    private static async Task<DemoDirectoryDto> ListAsync(SampleDbContext context, IMetricSetService sets, CancellationToken cancellationToken)
    {
        var organizations = await context.Organizations.OrderBy(o => o.Name).Select(o => new DemoEntityDto(o.Id, o.Name)).ToListAsync(cancellationToken);
        var memberships = await context.Memberships.ToListAsync(cancellationToken);
        var people = await context.Users.OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var workouts = await context.Workouts.ToDictionaryAsync(w => w.Id, w => w.OrganizationId, cancellationToken);
        var demoSets = new List<DemoSetDto>();
        foreach (var organization in organizations)
        {
            // The demo lists sets as each gym's first staff member sees them.
            var staff = memberships.FirstOrDefault(m => m.OrganizationId == organization.Id && m.Role == Roles.Staff);
            if (staff is null)
            {
                continue;
            }

            var viewer = MetricViewer.ForStaff(new UserId(staff.UserId), new OrganizationId(organization.Id));
            var owners = new List<MetricOwner> { MetricOwner.ForOrganization(new OrganizationId(organization.Id)) };
            owners.AddRange(workouts.Where(w => w.Value == organization.Id).Select(w => MetricOwner.ForWorkout(new WorkoutId(w.Key))));
            owners.AddRange(memberships.Where(m => m.OrganizationId == organization.Id && m.Role == Roles.Member).Select(m => MetricOwner.ForMember(new UserId(m.UserId))));
            foreach (var owner in owners)
            {
                foreach (var set in await sets.ListByOwnerAsync(viewer, owner, cancellationToken))
                {
                    demoSets.Add(new DemoSetDto(set.Id.Value, set.Name, set.Owner.Kind.ToString(), organization.Id, set.Owner.TryGetMember(out var member) ? member.Value : null));
                }
            }
        }

        return new DemoDirectoryDto(
            organizations,
            [.. people.Select(p => new DemoPersonDto(
                p.Id,
                p.DisplayName,
                [.. memberships.Where(m => m.UserId == p.Id).Select(m => new DemoRoleDto(m.OrganizationId, m.Role))]))],
            [.. demoSets.DistinctBy(s => (s.Id, s.OrganizationId))]);
    }
}

public sealed record DemoDirectoryDto(IReadOnlyList<DemoEntityDto> Organizations, IReadOnlyList<DemoPersonDto> People, IReadOnlyList<DemoSetDto> Sets);

public sealed record DemoEntityDto(Guid Id, string Name);

public sealed record DemoPersonDto(Guid Id, string Name, IReadOnlyList<DemoRoleDto> Roles);

public sealed record DemoRoleDto(Guid OrganizationId, string Role);

public sealed record DemoSetDto(Guid Id, string Name, string OwnerKind, Guid? OrganizationId, Guid? MemberId);
