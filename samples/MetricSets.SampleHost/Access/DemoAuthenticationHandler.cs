using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MetricSets.SampleHost.Access;

/// <summary>
/// DEMO AUTHENTICATION — NOT FOR PRODUCTION. Signs in whoever the <c>X-Demo-User</c> header names (a user id), so that
/// the sample page can switch between coaches and members without passwords. It is a real ASP.NET Core authentication
/// scheme, so the endpoints see an authenticated <see cref="ClaimsPrincipal"/> with a <see cref="ClaimTypes.NameIdentifier"/>
/// exactly as they would behind JWT bearer or cookies; a real host replaces this scheme with its own and changes nothing
/// else. The user's role is never taken from the request: the library asks the membership directory.
/// </summary>
internal sealed class DemoAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Demo";

    public const string Header = "X-Demo-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Guid.TryParse(values.ToString(), out var user) || user == Guid.Empty)
        {
            return Task.FromResult(AuthenticateResult.Fail($"DEMO authentication: {Header} must be a user id."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
