using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace MetricSets.AspNetCore.Http;

/// <summary>
/// A problem as a typed result: written as <c>application/problem+json</c> (which <c>NotFound&lt;ProblemDetails&gt;</c>
/// would write as <c>application/json</c>), and declared to OpenAPI with its status, so that a handler's
/// <c>Results&lt;…&gt;</c> lists exactly the problems it can answer.
/// </summary>
internal abstract class ProblemResult(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult, IContentTypeHttpResult
{
    private const string ProblemContentType = "application/problem+json";

    // A detail may quote the caller's input (a slug that is not snake_case). The default encoder escapes what HTML
    // would interpret (<, >, &, quotes) whatever encoder the host configured for its own JSON, so a client that shows
    // the detail in a page never runs it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    public ProblemDetails Value => problem;

    object? IValueHttpResult.Value => problem;

    public int? StatusCode => problem.Status;

    public string ContentType => ProblemContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return httpContext.Response.WriteAsJsonAsync(problem, Json, ProblemContentType, httpContext.RequestAborted);
    }

    protected static void Declare(int status, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemContentType]));
    }
}

/// <summary>400: a value of the request, or rows of a batch, are invalid.</summary>
internal sealed class BadRequestProblem(ProblemDetails problem) : ProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(StatusCodes.Status400BadRequest, builder);
}

/// <summary>401: the request has no authenticated user.</summary>
internal sealed class UnauthorizedProblem(ProblemDetails problem) : ProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(StatusCodes.Status401Unauthorized, builder);
}

/// <summary>404: missing, or not visible to the viewer (the two answer alike).</summary>
internal sealed class NotFoundProblem(ProblemDetails problem) : ProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(StatusCodes.Status404NotFound, builder);
}

/// <summary>409: the write conflicts with what is stored.</summary>
internal sealed class ConflictProblem(ProblemDetails problem) : ProblemResult(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(StatusCodes.Status409Conflict, builder);
}
