using MetricSets.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>A host's container, wired as the README says, over one test database; one DI scope per instance.</summary>
public sealed class ServiceScope : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;
    private readonly Type _contextType;

    public ServiceScope(
        string connectionString,
        Action<MetricSetsOptions>? configure = null,
        MemberMetricProvenance provenance = MemberMetricProvenance.Restrict,
        Action<DbContextOptionsBuilder>? context = null,
        Action<NpgsqlDbContextOptionsBuilder>? npgsql = null,
        Type? contextType = null,
        Action<IServiceCollection>? services = null,
        MembershipSource memberships = MembershipSource.Directory)
    {
        Directory = Directories.GetOrAdd(connectionString, _ => new TestMembershipDirectory());
        var collection = new ServiceCollection();
        collection.AddSingleton<IClock>(Clock);
        if (memberships == MembershipSource.Directory)
        {
            collection.AddSingleton<IMembershipDirectory>(Directory);
        }
        else
        {
            // The same memberships, in the database's own tables, described to the library as a host would.
            Directory.MirrorTo(connectionString);
            configure = MapMemberships + configure;
        }

        var wiring = new Wiring(connectionString, configure, context, npgsql);
        _contextType = (contextType, provenance) switch
        {
            ({ } type, _) when type == typeof(HostDbContext) => wiring.Add<HostDbContext>(collection),
            (null, MemberMetricProvenance.Restrict) => wiring.Add<TestDbContext>(collection),
            (null, MemberMetricProvenance.Track) => wiring.Add<TrackedProvenanceDbContext>(collection),
            (null, _) => wiring.Add<SeedExactDbContext>(collection),
            _ => throw new ArgumentOutOfRangeException(nameof(contextType), contextType, "No such test context."),
        };
        services?.Invoke(collection);

        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateAsyncScope();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 1, 9, 0));

    /// <summary>How the test databases' memberships table (<see cref="TestServer.HostTablesSql"/>) is described to the library.</summary>
    public static void MapMemberships(MetricSetsOptions options) =>
        options.Memberships.ToTable("memberships").HasRoles(staff: ["staff"], members: ["member"]).ActiveWhere("ended_at IS NULL").WorkoutsBelongTo("organization_id");

    // One directory per database, so scopes over one database agree on who belongs where.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TestMembershipDirectory> Directories = new();

    public TestMembershipDirectory Directory { get; }

    /// <summary>Returns an actor the policy lets manage <paramref name="owner"/>'s sets, registering what the directory needs.</summary>
    public MetricViewer ActorFor(MetricOwner owner) => owner.Match(
        member => MetricViewer.ForMember(member),
        workout =>
        {
            var organization = OrganizationId.New();
            Directory.AddWorkout(workout, organization);
            return StaffOf(organization);
        },
        StaffOf);

    /// <summary>Returns a confirmed staff viewer of <paramref name="organization"/>.</summary>
    public MetricViewer StaffOf(OrganizationId organization)
    {
        var staff = UserId.New();
        Directory.AddStaff(staff, organization);
        return MetricViewer.ForStaff(staff, organization);
    }

    public IMetricCatalog Catalog => Get<IMetricCatalog>();

    public IMetricSetService Sets => Get<IMetricSetService>();

    public IMemberMetricRecorder Recorder => Get<IMemberMetricRecorder>();

    public IMemberMetricReader Reader => Get<IMemberMetricReader>();

    public IMetricSetResolver Resolver => Get<IMetricSetResolver>();

    public ILeaderboardReader Leaderboards => Get<ILeaderboardReader>();

    public DbContext Context => (DbContext)_scope.ServiceProvider.GetRequiredService(_contextType);

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    private sealed record Wiring(
        string ConnectionString, Action<MetricSetsOptions>? Configure, Action<DbContextOptionsBuilder>? Context, Action<NpgsqlDbContextOptionsBuilder>? Npgsql)
    {
        public Type Add<TContext>(IServiceCollection services)
            where TContext : DbContext
        {
            services.AddDbContext<TContext>(o =>
            {
                o.UseNpgsql(ConnectionString, npgsql =>
                {
                    npgsql.UseMetricSets();
                    Npgsql?.Invoke(npgsql);
                });
                Context?.Invoke(o);
            });
            services.AddMetricSets<TContext>(Configure);
            return typeof(TContext);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}

/// <summary>Where a test's services learn who belongs where.</summary>
public enum MembershipSource
{
    /// <summary>The host's <see cref="IMembershipDirectory"/> (the in-memory <see cref="TestMembershipDirectory"/>).</summary>
    Directory,

    /// <summary>The database's memberships table, mapped through <see cref="MetricSetsOptions.Memberships"/>.</summary>
    Mapped,
}

public static class ServiceScopeExtensions
{
    /// <summary>Creates a set as an actor allowed to manage <paramref name="owner"/>'s sets.</summary>
    public static Task<MetricSetSnapshot> CreateSetAsync(
        this ServiceScope scope, MetricOwner owner, string name, IEnumerable<MetricDefinitionId>? definitionIds = null) =>
        scope.Sets.CreateAsync(scope.ActorFor(owner), owner, name, definitionIds);
}
