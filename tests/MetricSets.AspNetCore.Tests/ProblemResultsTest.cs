using System.Net;
using MetricSets.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace MetricSets.AspNetCore.Tests;

/// <summary>
/// The problem results and the catalogue's filter on their own: what no endpoint of the package can provoke over HTTP
/// (the catalogue binds nothing that can fail, and lists without throwing) but a host's change might.
/// </summary>
public sealed class ProblemResultsTest(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_anonymous_filter_turns_a_failed_binding_into_a_400_problem()
    {
        var http = Http();
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        var called = false;

        var result = await RequestViewer.AnonymousFilterAsync(new DefaultEndpointFilterInvocationContext(http), _ => { called = true; return ValueTask.FromResult<object?>(null); });

        Assert.False(called);
        Assert.Equal("query", ParameterOf(Assert.IsType<BadRequestProblem>(result)));
    }

    [Fact]
    public async Task The_anonymous_filter_turns_a_library_error_into_its_problem()
    {
        var result = await RequestViewer.AnonymousFilterAsync(
            new DefaultEndpointFilterInvocationContext(Http()),
            _ => throw new MetricNotFoundException(MetricEntity.MetricDefinition, "squat"));

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<NotFoundProblem>(result).StatusCode);
    }

    [Fact]
    public async Task The_anonymous_filter_passes_a_bound_request_through()
    {
        var result = await RequestViewer.AnonymousFilterAsync(new DefaultEndpointFilterInvocationContext(Http()), _ => ValueTask.FromResult<object?>("handled"));

        Assert.Equal("handled", result);
    }

    [Fact]
    public async Task A_problem_writes_its_status_and_problem_json()
    {
        var http = Http();
        http.Response.Body = new MemoryStream();
        var problem = Assert.IsType<ConflictProblem>(Problems.For(http, new MetricConflictException(MetricErrorCode.IdInUse, "The id is in use.")));

        await problem.ExecuteAsync(http);

        Assert.Equal((int)HttpStatusCode.Conflict, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType?.Split(';')[0]);
        Assert.True(http.Response.Body.Length > 0);
    }

    [Fact]
    public async Task Null_arguments_are_refused()
    {
        var problem = new NotFoundProblem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404 });

        Assert.Equal("httpContext", (await Assert.ThrowsAsync<ArgumentNullException>(() => problem.ExecuteAsync(null!))).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => NotFoundProblem.PopulateMetadata(typeof(ProblemResultsTest).GetMethod(nameof(Null_arguments_are_refused))!, null!)).ParamName);
    }

    [Fact]
    public void Each_problem_declares_its_status_as_problem_json()
    {
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/"), 0);

        UnauthorizedProblem.PopulateMetadata(typeof(ProblemResultsTest).GetMethod(nameof(Each_problem_declares_its_status_as_problem_json))!, builder);

        var declared = Assert.Single(builder.Metadata.OfType<IProducesResponseTypeMetadata>());
        Assert.Equal((401, "application/problem+json"), (declared.StatusCode, declared.ContentTypes.Single()));
    }

    private DefaultHttpContext Http() => new() { RequestServices = host.App.Services };

    private static string? ParameterOf(ProblemResult result) => result.Value.Extensions["parameter"] as string;
}
