using MetricSets.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace MetricSets.AspNetCore.Endpoints;

/// <summary>The organization's leaderboards (staff only).</summary>
internal static class LeaderboardEndpoints
{
    public static void Map(RouteGroupBuilder org) =>
        org.MapGet("/leaderboards/{definitionId}", LeaderboardAsync)
            .WithName("MetricSets.Leaderboard")
            .WithSummary("Everyone's most recent value of a definition in this organization, ranked (staff only).")
            .WithDescription("order=best (by the kind's direction, the default) or latest; source=… (repeatable) keeps values of those sources; units=metric|imperial|definition; keyset-paged with pageSize and cursor.");

    private static Task<Results<Ok<PageResponse<LeaderboardEntryResponse>>, BadRequestProblem, NotFoundProblem>> LeaderboardAsync(
        OrganizationId orgId,
        MetricDefinitionId definitionId,
        string? order,
        [FromQuery(Name = "source")] string[] sources,
        int? pageSize,
        string? cursor,
        string? units,
        HttpContext http,
        ILeaderboardReader leaderboards) =>
        Guard.ReadAsync(http, async () =>
        {
            var query = new MetricLeaderboardQuery(orgId, definitionId)
            {
                Order = order switch
                {
                    null or "" or "best" => LeaderboardOrder.BestFirst,
                    "latest" => LeaderboardOrder.LatestFirst,
                    _ => throw new MetricValidationException("order", null, "The order must be best or latest."),
                },
                Units = RequestOptions.Units(units),
                Sources = sources.Length == 0 ? null : [.. sources.Select(ParseSource)],
                PageSize = pageSize ?? MetricLimits.DefaultLeaderboardPageSize,
                Cursor = cursor,
            };
            var page = await leaderboards.GetLeaderboardAsync(RequestViewer.Get(http), query, http.RequestAborted).ConfigureAwait(false);

            // The entry's value is already in the preferred unit; the reading keeps the recorded one beside it.
            return TypedResults.Ok(new PageResponse<LeaderboardEntryResponse>(
                [.. page.Items.Select(entry => new LeaderboardEntryResponse(entry.Rank, entry.MemberId, ReadingResponse.From(entry.Reading, entry.Value.Unit)))],
                page.NextCursor));
        });

    private static MetricSource ParseSource(string source) =>
        MetricSource.TryParse(source, out var parsed)
            ? parsed
            : throw new MetricValidationException("source", null, $"A source is a snake_case code of at most {MetricSource.MaxLength} characters, such as coach_input.");
}
