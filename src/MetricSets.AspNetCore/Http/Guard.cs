using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetricSets.AspNetCore.Http;

/// <summary>
/// Runs a handler and answers the library's typed errors as problem details, so that every handler's typed result lists
/// the statuses it can answer (and OpenAPI does too): reads answer 400 and 404, writes 400, 404 and 409.
/// </summary>
internal static class Guard
{
    public static async Task<Results<TResult, BadRequestProblem, NotFoundProblem>> ReadAsync<TResult>(
        HttpContext http, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (MetricValidationException error)
        {
            return Problems.BadRequest(http, error);
        }
        catch (MetricNotFoundException error)
        {
            return Problems.NotFound(http, error);
        }
    }

    public static async Task<Results<TResult, BadRequestProblem, NotFoundProblem, ConflictProblem>> WriteAsync<TResult>(
        HttpContext http, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (MetricValidationException error)
        {
            return Problems.BadRequest(http, error);
        }
        catch (MetricNotFoundException error)
        {
            return Problems.NotFound(http, error);
        }
        catch (MetricConflictException error)
        {
            return Problems.Conflict(http, error);
        }
    }
}
