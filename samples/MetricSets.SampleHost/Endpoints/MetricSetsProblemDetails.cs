using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MetricSets.SampleHost.Endpoints;

/// <summary>
/// Turns the library's typed errors into RFC 9457 problem details with the error's own message: validation → 400,
/// not found (including forbidden, which answers like not found) → 404, conflict → 409; a request that does not say
/// who is asking (demo authentication) → 401.
/// </summary>
internal sealed class MetricSetsProblemDetails(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            MetricValidationException => (StatusCodes.Status400BadRequest, "The request is invalid."),
            MetricNotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            MetricConflictException => (StatusCodes.Status409Conflict, "Conflict."),
            Access.DemoAuthenticationException => (StatusCodes.Status401Unauthorized, "Who is asking?"),
            BadHttpRequestException bad => (bad.StatusCode, "The request is malformed."),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = exception.Message };
        if (exception is MetricValidationException validation)
        {
            problem.Extensions["parameter"] = validation.ParameterName;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
