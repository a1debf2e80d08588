using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>A host's container, wired as the README says, over one test database; one DI scope per instance.</summary>
public sealed class ServiceScope : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    public ServiceScope(string connectionString, Action<MetricSetsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IMembershipDirectory>(Directory);
        services.AddDbContext<TestDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()));
        services.AddMetricSets<TestDbContext>(configure);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateAsyncScope();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 1, 9, 0));

    public TestMembershipDirectory Directory { get; } = new();

    public IMetricCatalog Catalog => Get<IMetricCatalog>();

    public IMetricSetService Sets => Get<IMetricSetService>();

    public IMemberMetricRecorder Recorder => Get<IMemberMetricRecorder>();

    public IMemberMetricReader Reader => Get<IMemberMetricReader>();

    public IMetricSetResolver Resolver => Get<IMetricSetResolver>();

    public ILeaderboardReader Leaderboards => Get<ILeaderboardReader>();

    public TestDbContext Context => Get<TestDbContext>();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
