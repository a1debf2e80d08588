using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetricSets.AspNetCore.Tests;

/// <summary>
/// The tests' authentication: <c>Authorization: Test &lt;claim type&gt;=&lt;value&gt;</c> (several separated by <c>;</c>)
/// signs in a user with those claims; no header, no user. It stands for a host's real scheme (JWT bearer, cookies).
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    public static string Header(UserId user) => Header((ClaimTypes.NameIdentifier, user.ToString()));

    public static string Header(params (string Type, string Value)[] claims) =>
        $"{SchemeName} {string.Join(";", claims.Select(claim => $"{claim.Type}={claim.Value}"))}";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = header[(SchemeName.Length + 1)..]
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new Claim(parts[0], parts[1]));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
