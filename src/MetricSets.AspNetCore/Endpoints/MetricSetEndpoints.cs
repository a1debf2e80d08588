using MetricSets.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MetricSets.AspNetCore.Endpoints;

/// <summary>Metric sets: resolution for a member (the seed's endpoint) and management by their owners' staff or member.</summary>
internal static class MetricSetEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapGet("/members/{memberId}/metric-sets/{setId}", ResolveAsync)
            .WithName("MetricSets.ResolveSet")
            .WithSummary("Resolve a metric set for a member: definitions in order, names in the Accept-Language language, the latest values in the requested units.");
        org.MapGet("/metric-sets", ListOrganizationSetsAsync)
            .WithName("MetricSets.ListOrganizationSets")
            .WithSummary("The organization's own sets, by name.");
        org.MapGet("/workouts/{workoutId}/metric-sets", ListWorkoutSetsAsync)
            .WithName("MetricSets.ListWorkoutSets")
            .WithSummary("A workout's sets, by name (workouts of this organization only).");
        org.MapGet("/members/{memberId}/metric-sets", ListMemberSetsAsync)
            .WithName("MetricSets.ListMemberSets")
            .WithSummary("A member's own sets, by name.");
        org.MapPost("/metric-sets", CreateAsync)
            .WithName("MetricSets.CreateSet")
            .WithSummary("Create a set, owned by the organization unless owner names a workout or member.")
            .Accepts<CreateSetBody>("application/json");
        org.MapGet("/metric-sets/{setId}", GetAsync)
            .WithName("MetricSets.GetSet")
            .WithSummary("A set with its definitions in order.");
        org.MapPatch("/metric-sets/{setId}", RenameAsync)
            .WithName("MetricSets.RenameSet")
            .WithSummary("Rename a set.")
            .Accepts<RenameSetBody>("application/json");
        org.MapPost("/metric-sets/{setId}/definitions", AddDefinitionAsync)
            .WithName("MetricSets.AddDefinition")
            .WithSummary("Append a definition to a set.")
            .Accepts<AddDefinitionBody>("application/json");
        org.MapDelete("/metric-sets/{setId}/definitions/{definitionId}", RemoveDefinitionAsync)
            .WithName("MetricSets.RemoveDefinition")
            .WithSummary("Remove a definition from a set.");
        org.MapPut("/metric-sets/{setId}/definitions/{definitionId}/position", MoveDefinitionAsync)
            .WithName("MetricSets.MoveDefinition")
            .WithSummary("Move a definition to a zero-based position in its set.")
            .Accepts<MoveDefinitionBody>("application/json");
        org.MapDelete("/metric-sets/{setId}", DeleteAsync)
            .WithName("MetricSets.DeleteSet")
            .WithSummary("Delete a set (never its definitions or any value).");
    }

    private static Task<Results<Ok<ResolvedSetResponse>, BadRequestProblem, NotFoundProblem>> ResolveAsync(
        OrganizationId orgId, UserId memberId, MetricSetId setId, string? units, HttpContext http, IMetricSetResolver resolver) =>
        Guard.ReadAsync(http, async () =>
        {
            var language = RequestOptions.Language(http.Request);
            var query = new MetricSetResolutionQuery(setId, memberId) { Language = language, Units = RequestOptions.Units(units) };
            var resolved = await resolver.ResolveAsync(RequestViewer.Get(http), query, http.RequestAborted).ConfigureAwait(false);
            RequestOptions.SetLanguage(http.Response, language);
            return TypedResults.Ok(ResolvedSetResponse.From(resolved, language));
        });

    private static Task<Results<Ok<List<MetricSetResponse>>, BadRequestProblem, NotFoundProblem>> ListOrganizationSetsAsync(
        OrganizationId orgId, HttpContext http, IMetricSetService sets) =>
        ListAsync(http, sets, MetricOwner.ForOrganization(orgId));

    private static Task<Results<Ok<List<MetricSetResponse>>, BadRequestProblem, NotFoundProblem>> ListWorkoutSetsAsync(
        OrganizationId orgId, WorkoutId workoutId, HttpContext http, IMetricSetService sets) =>
        ListAsync(http, sets, MetricOwner.ForWorkout(workoutId));

    private static Task<Results<Ok<List<MetricSetResponse>>, BadRequestProblem, NotFoundProblem>> ListMemberSetsAsync(
        OrganizationId orgId, UserId memberId, HttpContext http, IMetricSetService sets) =>
        ListAsync(http, sets, MetricOwner.ForMember(memberId));

    // An owner the viewer may not see lists nothing, exactly like an owner without sets.
    private static Task<Results<Ok<List<MetricSetResponse>>, BadRequestProblem, NotFoundProblem>> ListAsync(
        HttpContext http, IMetricSetService sets, MetricOwner owner) =>
        Guard.ReadAsync(http, async () =>
            TypedResults.Ok((await sets.ListByOwnerAsync(RequestViewer.Get(http), owner, http.RequestAborted).ConfigureAwait(false))
                .Select(MetricSetResponse.From)
                .ToList()));

    private static Task<Results<Created<MetricSetResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> CreateAsync(
        OrganizationId orgId, HttpContext http, IMetricSetService sets) =>
        Guard.WriteAsync(http, async () =>
        {
            var body = await JsonBody.ReadAsync<CreateSetBody>(http).ConfigureAwait(false);
            var created = await sets.CreateAsync(
                RequestViewer.Get(http),
                OwnerKinds.Parse(body.Owner, orgId),
                body.Name ?? throw new MetricValidationException("name", null, "A set needs a name."),
                body.DefinitionIds,
                http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{created.Id}", MetricSetResponse.From(created));
        });

    private static Task<Results<Ok<MetricSetResponse>, BadRequestProblem, NotFoundProblem>> GetAsync(
        OrganizationId orgId, MetricSetId setId, HttpContext http, IMetricSetService sets) =>
        Guard.ReadAsync(http, async () =>
            TypedResults.Ok(MetricSetResponse.From(await sets.GetAsync(RequestViewer.Get(http), setId, http.RequestAborted).ConfigureAwait(false))));

    private static Task<Results<Ok<MetricSetResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> RenameAsync(
        OrganizationId orgId, MetricSetId setId, HttpContext http, IMetricSetService sets) =>
        ChangeAsync(http, async (viewer, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<RenameSetBody>(http).ConfigureAwait(false);
            return await sets.RenameAsync(viewer, setId, body.Name ?? throw new MetricValidationException("name", null, "A set needs a name."), cancellationToken).ConfigureAwait(false);
        });

    private static Task<Results<Ok<MetricSetResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> AddDefinitionAsync(
        OrganizationId orgId, MetricSetId setId, HttpContext http, IMetricSetService sets) =>
        ChangeAsync(http, async (viewer, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<AddDefinitionBody>(http).ConfigureAwait(false);
            var definitionId = body.DefinitionId ?? throw new MetricValidationException("definitionId", null, "Name the definition to add: definitionId.");
            return await sets.AddDefinitionAsync(viewer, setId, definitionId, cancellationToken).ConfigureAwait(false);
        });

    private static Task<Results<Ok<MetricSetResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> RemoveDefinitionAsync(
        OrganizationId orgId, MetricSetId setId, MetricDefinitionId definitionId, HttpContext http, IMetricSetService sets) =>
        ChangeAsync(http, (viewer, cancellationToken) => sets.RemoveDefinitionAsync(viewer, setId, definitionId, cancellationToken));

    private static Task<Results<Ok<MetricSetResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> MoveDefinitionAsync(
        OrganizationId orgId, MetricSetId setId, MetricDefinitionId definitionId, HttpContext http, IMetricSetService sets) =>
        ChangeAsync(http, async (viewer, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<MoveDefinitionBody>(http).ConfigureAwait(false);
            var index = body.Index ?? throw new MetricValidationException("index", null, "Give the new zero-based position: index.");
            return await sets.MoveDefinitionAsync(viewer, setId, definitionId, index, cancellationToken).ConfigureAwait(false);
        });

    private static Task<Results<NoContent, BadRequestProblem, NotFoundProblem, ConflictProblem>> DeleteAsync(
        OrganizationId orgId, MetricSetId setId, HttpContext http, IMetricSetService sets) =>
        Guard.WriteAsync(http, async () =>
        {
            await sets.DeleteAsync(RequestViewer.Get(http), setId, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

    private static Task<Results<Ok<MetricSetResponse>, BadRequestProblem, NotFoundProblem, ConflictProblem>> ChangeAsync(
        HttpContext http, Func<MetricViewer, CancellationToken, Task<MetricSetSnapshot>> change) =>
        Guard.WriteAsync(http, async () =>
            TypedResults.Ok(MetricSetResponse.From(await change(RequestViewer.Get(http), http.RequestAborted).ConfigureAwait(false))));
}
