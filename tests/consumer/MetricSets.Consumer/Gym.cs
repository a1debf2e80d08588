using System.Security.Claims;
using System.Text.Encodings.Web;
using MetricSets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MetricSets.Consumer;

/// <summary>The host's context: its own tables, and the library's through ApplyMetricSets.</summary>
public sealed class GymContext(DbContextOptions<GymContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Organization> Organizations => Set<Organization>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>().ToTable("users");
        modelBuilder.Entity<Organization>().ToTable("organizations");
        modelBuilder.Entity<Workout>().ToTable("workouts");
        modelBuilder.ApplyMetricSets(o =>
        {
            o.Users.UseEntity<User>();
            o.Organizations.UseEntity<Organization>();
            o.Workouts.UseEntity<Workout>();
        });
    }
}

public sealed class User
{
    public Guid Id { get; set; }
}

public sealed class Organization
{
    public Guid Id { get; set; }
}

public sealed class Workout
{
    public Guid Id { get; set; }
}

/// <summary>An in-memory directory: enough for a smoke flow.</summary>
public sealed class GymDirectory : IMembershipDirectory
{
    public HashSet<(UserId, OrganizationId)> Staff { get; } = [];

    public HashSet<(UserId, OrganizationId)> Members { get; } = [];

    public ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Members.Contains((userId, organizationId)));

    public ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ViewerRole?>(Staff.Contains((userId, organizationId)) ? ViewerRole.Staff : Members.Contains((userId, organizationId)) ? ViewerRole.Member : null);

    public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<OrganizationId?>(null);

    public ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyCollection<UserId>>([.. Members.Where(m => m.Item2 == organizationId).Select(m => m.Item1)]);
}

/// <summary>Signs in the user id of <c>Authorization: Smoke &lt;id&gt;</c>: stands for a real scheme.</summary>
public sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Smoke";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, header[(SchemeName.Length + 1)..])], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>A step of the smoke flow that must hold.</summary>
public static class Check
{
    public static void That(bool condition, string step)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"consumer smoke flow failed: {step}");
        }

        Console.WriteLine($"ok: {step}");
    }
}
