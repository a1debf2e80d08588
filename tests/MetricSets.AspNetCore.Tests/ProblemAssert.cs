using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MetricSets.AspNetCore.Tests;

/// <summary>Asserts that a response is an RFC 9457 problem of the expected status, type and parameter.</summary>
public static class ProblemAssert
{
    public const string TypeBase = "https://github.com/metricsets/MetricSets/blob/main/docs/problems.md#";

    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string anchor, string? parameter = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(TypeBase + anchor, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (parameter is not null)
        {
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        }

        return problem;
    }

    public static JsonContent Json(object body) => JsonContent.Create(body);
}
