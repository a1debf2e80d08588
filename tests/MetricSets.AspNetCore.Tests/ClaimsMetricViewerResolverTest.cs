using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MetricSets.AspNetCore.Tests;

/// <summary>The default viewer resolver on its own: which claims make a viewer, and its arguments.</summary>
public sealed class ClaimsMetricViewerResolverTest
{
    private static readonly OrganizationId Gym = OrganizationId.New();

    [Fact]
    public async Task An_empty_guid_is_no_user_id_and_the_next_claim_is_tried()
    {
        var user = UserId.New();
        var resolver = new ClaimsMetricViewerResolver(Options.Create(new MetricSetsEndpointOptions()));

        var skipped = await resolver.ResolveAsync(Authenticated(("sub", Guid.Empty.ToString()), ("sub", user.ToString())), Gym, default);
        var onlyEmpty = await resolver.ResolveAsync(Authenticated(("sub", Guid.Empty.ToString())), Gym, default);

        Assert.Equal(MetricViewer.ForStaff(user, Gym), skipped);
        Assert.Null(onlyEmpty);
    }

    [Fact]
    public async Task An_unauthenticated_principal_with_a_user_id_is_nobody()
    {
        var resolver = new ClaimsMetricViewerResolver(Options.Create(new MetricSetsEndpointOptions()));
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", UserId.New().ToString())])) };

        Assert.Null(await resolver.ResolveAsync(context, Gym, default));
    }

    [Fact]
    public async Task Null_arguments_are_refused()
    {
        var resolver = new ClaimsMetricViewerResolver(Options.Create(new MetricSetsEndpointOptions()));

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ClaimsMetricViewerResolver(null!)).ParamName);
        Assert.Equal("context", (await Assert.ThrowsAsync<ArgumentNullException>(() => resolver.ResolveAsync(null!, Gym, default).AsTask())).ParamName);
    }

    private static DefaultHttpContext Authenticated(params (string Type, string Value)[] claims) =>
        new() { User = new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test")) };
}
