using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.AspNetCore.Tests;

/// <summary>The catalogue: names in the Accept-Language language, a strong ETag, 304 on If-None-Match.</summary>
public sealed class CatalogEndpointTest(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Catalog = $"{ApiHost.Prefix}/catalog";

    [Fact]
    public async Task The_catalogue_speaks_the_accept_language_and_says_each_units_symbol()
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9,en;q=0.5");

        var response = await client.GetAsync(Catalog);
        var catalog = await response.Content.ReadFromJsonAsync<JsonElement>();

        var deadlift = catalog.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "deadlift_1rm");
        Assert.Equal("1ПМ становая тяга", deadlift.GetProperty("name").GetString());
        Assert.Equal("OneRepMax", deadlift.GetProperty("kind").GetString());
        Assert.Equal("HigherIsBetter", deadlift.GetProperty("bestDirection").GetString());
        var row = catalog.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "row_2000m_time");
        Assert.Equal(("seconds", "s", "LowerIsBetter"), (row.GetProperty("unit").GetString(), row.GetProperty("unitSymbol").GetString(), row.GetProperty("bestDirection").GetString()));
        Assert.Equal("ru-RU", response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("he;q=0.4, ru;q=0.8", "ru")]
    [InlineData("he, ru;q=0.8", "he")]
    [InlineData("ru;q=0.8, he", "he")]
    [InlineData("x-!!, he;q=0.5", "he")]
    public async Task The_language_with_the_highest_quality_that_is_a_language_tag_wins(string acceptLanguage, string language)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await client.GetAsync(Catalog);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task A_strong_etag_answers_304_to_if_none_match_until_the_language_changes()
    {
        var client = host.Anonymous();
        var first = await client.GetAsync(Catalog);
        var tag = first.Headers.ETag!;

        var again = await Send(client, tag.ToString(), language: null);
        var weakForm = await Send(client, $"W/{tag.Tag}", language: null);
        var listed = await Send(client, $"\"other\", {tag.Tag}", language: null);
        var star = await Send(client, "*", language: null);
        var otherLanguage = await Send(client, tag.ToString(), language: "he");
        var stale = await Send(client, "\"stale\"", language: null);

        Assert.False(tag.IsWeak);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var notModified in new[] { again, weakForm, listed, star })
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(tag, notModified.Headers.ETag);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.OK, otherLanguage.StatusCode);
        Assert.NotEqual(tag, otherLanguage.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(tag, stale.Headers.ETag);
    }

    [Fact]
    public async Task The_etag_changes_when_the_catalogue_changes()
    {
        var client = host.Anonymous();
        var before = (await client.GetAsync(Catalog)).Headers.ETag!;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<IMetricCatalog>();
            await catalog.CreateAsync(new CatalogEntry(MetricSlug.Parse($"etag_probe_{Guid.NewGuid():N}"), LocalizedName.Of("en", "Probe"), MetricUnit.Repetition, MetricKind.Repetitions));
        }

        var response = await Send(client, before.ToString(), language: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, response.Headers.ETag);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string ifNoneMatch, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Catalog);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client.SendAsync(request);
    }
}
