using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetricSets.AspNetCore.Http;

/// <summary>
/// Turns the library's typed errors into RFC 9457 problem details: the <c>type</c> from the error code, a fixed title, the
/// error's message as the detail, and the parameter, entity or rows where there are some. The body is the same for a
/// refusal and for a missing thing, because the library's errors are (no trace id, no instance).
/// </summary>
internal static class Problems
{
    public static BadRequestProblem BadRequest(HttpContext http, MetricValidationException error) =>
        new(Create(http, StatusCodes.Status400BadRequest, error));

    public static NotFoundProblem NotFound(HttpContext http, MetricNotFoundException error) =>
        new(Create(http, StatusCodes.Status404NotFound, error));

    public static ConflictProblem Conflict(HttpContext http, MetricConflictException error) =>
        new(Create(http, StatusCodes.Status409Conflict, error));

    /// <summary>A request without an authenticated user.</summary>
    public static UnauthorizedProblem Unauthenticated(HttpContext http) =>
        new(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Type = TypeBase(http) + MetricSetsProblemTypes.UnauthenticatedAnchor,
            Title = "Authentication is required.",
            Detail = "This endpoint acts for the authenticated user; the request has none.",
        });

    /// <summary>An error of any family, for the filter that catches what a handler did not.</summary>
    public static IResult For(HttpContext http, MetricSetsException error) => error switch
    {
        MetricValidationException validation => BadRequest(http, validation),
        MetricNotFoundException notFound => NotFound(http, notFound),
        MetricConflictException conflict => Conflict(http, conflict),
        _ => new BadRequestProblem(Create(http, StatusCodes.Status400BadRequest, error)),
    };

    private static ProblemDetails Create(HttpContext http, int status, MetricSetsException error)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypeBase(http) + MetricSetsProblemTypes.Anchor(error.Code),
            Title = Title(error.Code),
            Detail = error.Message,
        };
        problem.Extensions["code"] = MetricSetsProblemTypes.Anchor(error.Code);
        switch (error)
        {
            case MetricBatchValidationException batch:
                problem.Extensions["parameter"] = Field(batch.ParameterName);
                problem.Extensions["errorCount"] = batch.ErrorCount;
                problem.Extensions["errors"] = batch.Errors
                    .Select(row => new Dictionary<string, object> { ["index"] = row.Index, ["parameter"] = Field(row.ParameterName), ["message"] = row.Message })
                    .ToList();
                break;
            case MetricValidationException validation:
                problem.Extensions["parameter"] = Field(validation.ParameterName);
                break;
            case MetricNotFoundException notFound:
                problem.Extensions["entity"] = Entity(notFound.Entity);
                break;
        }

        return problem;
    }

    // The library names its parameters as C# does (RecordedAt); the API's fields are camelCase (recordedAt).
    private static string Field(string parameterName) => JsonNamingPolicy.CamelCase.ConvertName(parameterName);

    private static string TypeBase(HttpContext http) =>
        http.RequestServices.GetService<IOptions<MetricSetsEndpointOptions>>()?.Value.ProblemTypeBase ?? MetricSetsEndpointOptions.DefaultProblemTypeBase;

    private static string Title(MetricErrorCode code) => code switch
    {
        MetricErrorCode.InvalidValue => "A value of the request is invalid.",
        MetricErrorCode.InvalidBatch => "Rows of the batch are invalid; nothing was written.",
        MetricErrorCode.NotFound => "Not found.",
        MetricErrorCode.IdInUse => "The id is already used for a different value.",
        MetricErrorCode.SlugInUse => "A metric definition with the slug exists.",
        MetricErrorCode.DefinitionInUse => "The metric definition is in use.",
        MetricErrorCode.DefinitionAlreadyInSet => "The metric set already contains the definition.",
        _ => code.ToString(),
    };

    private static string Entity(MetricEntity entity)
    {
        var name = entity.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(CultureInfo.InvariantCulture), name[1..]);
    }
}
