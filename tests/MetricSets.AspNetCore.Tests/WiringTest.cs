using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.AspNetCore.Tests;

/// <summary>The package's seams and metadata: registration, the viewer resolver, claim types, OpenAPI, problem types.</summary>
public sealed partial class WiringTest(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public void Mapping_without_the_services_fails_naming_AddMetricSetsEndpoints()
    {
        var app = WebApplication.CreateBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapMetricSets());

        Assert.Contains("AddMetricSetsEndpoints", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var app = WebApplication.CreateBuilder().Build();

        Assert.Equal("endpoints", Assert.Throws<ArgumentNullException>(() => MetricSetsEndpointRouteBuilderExtensions.MapMetricSets(null!)).ParamName);
        Assert.Equal("prefix", Assert.Throws<ArgumentNullException>(() => app.MapMetricSets(null!)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => MetricSetsEndpointsServiceCollectionExtensions.AddMetricSetsEndpoints(null!)).ParamName);
    }

    [Theory]
    [InlineData("claims", "UserIdClaimTypes")]
    [InlineData("rows", "MaxImportRows")]
    public async Task Options_that_cannot_work_stop_the_host_at_start_naming_the_option(string broken, string option)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => ApiHost.StartAsync(host.ConnectionString, host.Directory, options: o =>
        {
            if (broken == "claims")
            {
                o.UserIdClaimTypes.Clear();
            }
            else
            {
                o.MaxImportRows = 0;
            }
        }));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_import_row_is_enough_and_one_claim_type_is_enough()
    {
        await using var app = await ApiHost.StartAsync(host.ConnectionString, host.Directory, options: o =>
        {
            o.UserIdClaimTypes.Clear();
            o.UserIdClaimTypes.Add("sub");
            o.MaxImportRows = 1;
        });

        var response = await Get(app, $"{ApiHost.Prefix}/orgs/{host.TelAviv}/metric-sets", ("sub", host.Maya.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_organization_id_in_the_route_is_a_problem_naming_it()
    {
        var response = await host.ClientAs(host.Maya).GetAsync($"{ApiHost.Prefix}/orgs/{Guid.Empty}/metric-sets");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-value", "orgId");
    }

    [Fact]
    public async Task A_host_resolver_replaces_the_default_and_a_null_viewer_is_401()
    {
        var resolver = new FixedResolver();
        await using var app = await ApiHost.StartAsync(host.ConnectionString, host.Directory, services => services.AddScoped<IMetricViewerResolver>(_ => resolver));
        var client = app.GetTestClient();
        var url = $"{ApiHost.Prefix}/orgs/{host.TelAviv}/members/{host.Dana}/metrics/latest?definitionId={host.Definition("back_squat_1rm")}";

        var anonymous = await client.GetAsync(url);
        resolver.Viewer = MetricViewer.ForStaff(host.Maya, host.TelAviv);
        var asMaya = await client.GetAsync(url);

        await ProblemAssert.IsAsync(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(HttpStatusCode.OK, asMaya.StatusCode);
        Assert.Equal(host.TelAviv, resolver.Organization);
    }

    [Fact]
    public async Task The_default_resolver_reads_sub_and_configured_claim_types_in_order()
    {
        await using var app = await ApiHost.StartAsync(host.ConnectionString, host.Directory, options: o =>
        {
            o.UserIdClaimTypes.Clear();
            o.UserIdClaimTypes.Add("user_id");
            o.UserIdClaimTypes.Add("sub");
        });
        var url = $"{ApiHost.Prefix}/orgs/{host.TelAviv}/members/{host.Dana}/metrics/latest?definitionId={host.Definition("back_squat_1rm")}";

        var bySub = await Get(app, url, ("sub", host.Maya.ToString()));
        var first = await Get(app, url, ("user_id", host.Dana.ToString()), ("sub", host.Olga.ToString()));
        var notAGuid = await Get(app, url, ("user_id", "dana"), ("sub", host.Dana.ToString()));
        var nameIdentifierIgnored = await Get(app, url, (System.Security.Claims.ClaimTypes.NameIdentifier, host.Maya.ToString()));

        Assert.Equal(HttpStatusCode.OK, bySub.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notAGuid.StatusCode);
        await ProblemAssert.IsAsync(nameIdentifierIgnored, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_claimed_role_header_changes_nothing()
    {
        // Dana is a member: however the request dresses up, she reads the leaderboard no more than before.
        var client = host.ClientAs(host.Dana);
        client.DefaultRequestHeaders.Add("X-Role", "staff");
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(
            TestAuthenticationHandler.Header((System.Security.Claims.ClaimTypes.NameIdentifier, host.Dana.ToString()), (System.Security.Claims.ClaimTypes.Role, "staff")));

        var response = await client.GetAsync($"{ApiHost.Prefix}/orgs/{host.TelAviv}/leaderboards/{host.Definition("back_squat_1rm")}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public void Every_endpoint_has_a_name_a_summary_and_declares_its_statuses_for_OpenAPI()
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(ApiHost.Prefix, StringComparison.Ordinal))
            .ToList();

        Assert.Equal(20, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            var statuses = endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            Assert.StartsWith("MetricSets.", endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary), route);
            Assert.Contains("MetricSets", endpoint.Metadata.GetMetadata<ITagsMetadata>()!.Tags);
            Assert.True(statuses.Overlaps([200, 201, 204]), route);
            if (route.Contains("/orgs/", StringComparison.Ordinal))
            {
                Assert.Superset(new HashSet<int> { 400, 401, 404 }, statuses);
                var problem = endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().First(m => m.StatusCode == 404);
                Assert.Equal(["application/problem+json"], problem.ContentTypes);
            }
        }

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == $"{ApiHost.Prefix}/orgs/{{orgId}}/members/{{memberId}}/metric-sets/{{setId}}");
    }

    [Fact]
    public void Every_error_code_has_a_stable_problem_type_documented_at_its_anchor()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "problems.md"));
        var anchors = AnchorPattern().Matches(document).Select(m => m.Groups[1].Value).ToHashSet();

        foreach (var code in Enum.GetValues<MetricErrorCode>())
        {
            var anchor = MetricSetsProblemTypes.Anchor(code);
            Assert.Contains(anchor, anchors);
            Assert.Equal(ProblemAssert.TypeBase + anchor, MetricSetsProblemTypes.For(code));
        }

        Assert.Contains(MetricSetsProblemTypes.UnauthenticatedAnchor, anchors);
        Assert.Equal("definition-already-in-set", MetricSetsProblemTypes.Anchor(MetricErrorCode.DefinitionAlreadyInSet));
        Assert.Equal("invalid-value", MetricSetsProblemTypes.Anchor(MetricErrorCode.InvalidValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricSetsProblemTypes.Anchor((MetricErrorCode)99));
    }

    [Fact]
    public async Task The_problem_type_base_is_an_option()
    {
        await using var app = await ApiHost.StartAsync(host.ConnectionString, host.Directory, options: o => o.ProblemTypeBase = "https://gym.example/problems/");

        var response = await app.GetTestClient().GetAsync($"{ApiHost.Prefix}/orgs/{host.TelAviv}/metric-sets");

        Assert.Equal("https://gym.example/problems/unauthenticated", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("type").GetString());
    }

    private static async Task<HttpResponseMessage> Get(WebApplication app, string url, params (string Type, string Value)[] claims)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(TestAuthenticationHandler.Header(claims));
        return await client.GetAsync(url);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MetricSets.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MetricSets.sln) is not above the test's directory.");
    }

    [GeneratedRegex("""<a id="([a-z-]+)"></a>""")]
    private static partial Regex AnchorPattern();

    private sealed class FixedResolver : IMetricViewerResolver
    {
        public MetricViewer? Viewer { get; set; }

        public OrganizationId? Organization { get; private set; }

        public ValueTask<MetricViewer?> ResolveAsync(HttpContext context, OrganizationId organizationId, CancellationToken cancellationToken)
        {
            Organization = organizationId;
            return ValueTask.FromResult(Viewer);
        }
    }
}
