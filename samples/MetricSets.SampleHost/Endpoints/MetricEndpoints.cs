using MetricSets.SampleHost.Access;
using MetricSets.SampleHost.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.SampleHost.Endpoints;

/// <summary>The sample's HTTP API: organization-scoped by route, with the viewer taken from the request.</summary>
internal static class MetricEndpoints
{
    public static void MapMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var org = app.MapGroup("/orgs/{orgId:guid}").WithTags("Organization-scoped");
        org.MapGet("/members/{userId:guid}/metric-sets/{setId:guid}", ResolveSetAsync)
            .WithSummary("Resolve a metric set for a member: definitions in order, localized names, latest values converted to the requested units.");
        org.MapPost("/members/{userId:guid}/metrics", RecordAsync)
            .WithSummary("Record a value for a member (the member themself, or staff of this organization).");
        org.MapGet("/members/{userId:guid}/metrics/{definitionId:guid}/history", HistoryAsync)
            .WithSummary("A member's values of one definition in a time range, oldest first, keyset-paged, converted to the requested units.");
        org.MapGet("/leaderboards/{definitionId:guid}", LeaderboardAsync)
            .WithSummary("Everyone's most recent value in this organization, ranked best-first or latest-first (staff only).");

        app.MapGet("/catalog", CatalogAsync).WithTags("Catalogue").WithSummary("The global catalogue, names in the Accept-Language language.");
        app.MapGet("/demo", DemoDirectoryAsync).WithTags("Demo").WithSummary("DEMO: the seeded organizations, people and sets, for the page.");
    }

    private static async Task<Ok<ResolvedSetDto>> ResolveSetAsync(
        Guid orgId, Guid userId, Guid setId, string? units, DemoViewer caller, HttpContext http, IMetricSetResolver resolver)
    {
        var language = Requests.Language(http.Request);
        var resolved = await resolver.ResolveAsync(caller.Viewer, new MetricSetResolutionQuery(new MetricSetId(setId), new UserId(userId)) { Language = language, Units = Requests.Units(units) }, http.RequestAborted);
        return TypedResults.Ok(ResolvedSetDto.From(resolved, language));
    }

    private static async Task<Created<ReadingDto>> RecordAsync(
        Guid orgId, Guid userId, RecordMetricDto body, DemoViewer caller, HttpContext http, IMetricCatalog catalog, IMemberMetricRecorder recorder)
    {
        var definitionId = body.DefinitionId is { } id
            ? new MetricDefinitionId(id)
            : (await catalog.FindBySlugAsync(MetricSlug.Parse(body.Slug ?? string.Empty), http.RequestAborted)
               ?? throw new MetricNotFoundException(MetricEntity.MetricDefinition, body.Slug!)).Id;
        if (!MetricUnitExtensions.TryParseSymbol(body.Unit, out var unit))
        {
            throw new MetricValidationException("unit", body.Unit, $"'{body.Unit}' is not a unit; use one of: {string.Join(", ", MetricUnitExtensions.All.Select(u => u.Symbol()))}.");
        }

        var request = new RecordMetricRequest(new UserId(userId), definitionId, MetricValue.Of(body.Amount, unit))
        {
            RecordedAt = body.RecordedAt is { } at ? Instant.FromDateTimeOffset(at) : null,
            Source = body.Source is null ? null : MetricSource.Parse(body.Source),
            Id = body.Id is { } clientId ? new MemberMetricId(clientId) : null,
        };
        var recorded = await recorder.RecordAsync(caller.Viewer, request, http.RequestAborted);
        return TypedResults.Created($"/orgs/{orgId}/members/{userId}/metrics/{definitionId}/history", ReadingDto.From(recorded));
    }

    private static async Task<Ok<PageDto<HistoryPointDto>>> HistoryAsync(
        Guid orgId,
        Guid userId,
        Guid definitionId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? pageSize,
        string? cursor,
        string? units,
        DemoViewer caller,
        HttpContext http,
        IMetricCatalog catalog,
        IMemberMetricReader reader)
    {
        var interval = new Interval(from is { } start ? Instant.FromDateTimeOffset(start) : null, to is { } end ? Instant.FromDateTimeOffset(end) : null);
        var page = await reader.GetHistoryAsync(caller.Viewer, new MetricHistoryQuery(new UserId(userId), new MetricDefinitionId(definitionId)) { Interval = interval, PageSize = pageSize ?? 100, Cursor = cursor }, http.RequestAborted);
        var unit = Requests.Units(units).UnitFor((await catalog.GetAsync(new MetricDefinitionId(definitionId), http.RequestAborted)).Unit);
        return TypedResults.Ok(new PageDto<HistoryPointDto>(
            [.. page.Items.Select(r => new HistoryPointDto(
                r.Id.Value, r.RecordedAt.ToDateTimeOffset(), ValueDto.From(r.Value.ConvertTo(unit)), ValueDto.From(r.Value), r.Source?.Code))],
            page.NextCursor));
    }

    private static async Task<Ok<PageDto<LeaderboardEntryDto>>> LeaderboardAsync(
        Guid orgId,
        Guid definitionId,
        string? order,
        int? pageSize,
        string? cursor,
        string? units,
        DemoViewer caller,
        HttpContext http,
        ILeaderboardReader leaderboards)
    {
        var organization = new OrganizationId(orgId);
        var ranking = order?.ToLowerInvariant() switch
        {
            null or "" or "best" => LeaderboardOrder.BestFirst,
            "latest" => LeaderboardOrder.LatestFirst,
            _ => throw new MetricValidationException("order", order, $"'{order}' is not an order; use best or latest."),
        };
        var page = await leaderboards.GetLeaderboardAsync(caller.Viewer, new MetricLeaderboardQuery(organization, new MetricDefinitionId(definitionId)) { Order = ranking, PageSize = pageSize ?? 20, Cursor = cursor, Units = Requests.Units(units) }, http.RequestAborted);
        return TypedResults.Ok(new PageDto<LeaderboardEntryDto>([.. page.Items.Select(LeaderboardEntryDto.From)], page.NextCursor));
    }

    private static async Task<Ok<List<CatalogEntryDto>>> CatalogAsync(HttpContext http, IMetricCatalog catalog)
    {
        var language = Requests.Language(http.Request);
        http.Response.Headers.ContentLanguage = language;
        var definitions = await catalog.ListAsync(http.RequestAborted);
        return TypedResults.Ok(definitions
            .Select(d => new CatalogEntryDto(d.Id.Value, d.Slug.Value, d.Name.Resolve(language), d.Unit.Symbol(), d.Kind.ToString(), d.Description))
            .ToList());
    }

    private static async Task<Ok<DemoDirectoryDto>> DemoDirectoryAsync(SampleDbContext context, IMetricSetService sets)
    {
        var organizations = await context.Organizations.OrderBy(o => o.Name).Select(o => new DemoEntityDto(o.Id, o.Name)).ToListAsync();
        var memberships = await context.Memberships.ToListAsync();
        var people = await context.Users.OrderBy(u => u.DisplayName).ToListAsync();
        var workouts = await context.Workouts.ToDictionaryAsync(w => w.Id, w => w.OrganizationId);
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
                foreach (var set in await sets.ListByOwnerAsync(viewer, owner))
                {
                    demoSets.Add(new DemoSetDto(
                        set.Id.Value,
                        set.Name,
                        set.Owner.Kind.ToString(),
                        organization.Id,
                        set.Owner.TryGetMember(out var member) ? member.Value : null));
                }
            }
        }

        return TypedResults.Ok(new DemoDirectoryDto(
            organizations,
            [.. people.Select(p => new DemoPersonDto(
                p.Id,
                p.DisplayName,
                [.. memberships.Where(m => m.UserId == p.Id).Select(m => new DemoRoleDto(m.OrganizationId, m.Role))]))],
            [.. demoSets.DistinctBy(s => (s.Id, s.OrganizationId))]));
    }

}
