using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace MetricSets.IntegrationTests.Configuration;

/// <summary>AddMetricSets registers the services and checks the options and the host's wiring at start-up.</summary>
public sealed class AddMetricSetsTest
{
    private const string UnusedConnection = "Host=127.0.0.1;Database=unused";

    [Fact]
    public void Valid_wiring_passes_start_up_validation_and_resolves_every_service()
    {
        using var provider = Build<TestDbContext>(npgsql => npgsql.UseMetricSets());

        provider.GetRequiredService<IStartupValidator>().Validate();

        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMetricCatalog>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMetricSetService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMemberMetricReader>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMetricSetResolver>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ILeaderboardReader>());
    }

    [Fact]
    public void Without_a_membership_directory_start_up_fails_because_there_is_no_allow_all_default()
    {
        using var provider = Build<TestDbContext>(npgsql => npgsql.UseMetricSets(), withDirectory: false);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("No IMembershipDirectory is registered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "MaxDefinitionsPerSet is 0; it must be between 1 and 1000")]
    [InlineData(1001, "MaxDefinitionsPerSet is 1001; it must be between 1 and 1000")]
    public void Out_of_range_options_fail_at_start_up_with_a_message_naming_the_option(int maxDefinitions, string expected)
    {
        using var provider = Build<TestDbContext>(npgsql => npgsql.UseMetricSets(), o => o.MaxDefinitionsPerSet = maxDefinitions);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_future_skew_fails_at_start_up()
    {
        using var provider = Build<TestDbContext>(npgsql => npgsql.UseMetricSets(), o => o.MaxFutureSkew = Duration.FromSeconds(-1));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MaxFutureSkew", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_without_ApplyMetricSets_fails_at_start_up_saying_what_to_call()
    {
        using var provider = Build<ContextWithoutModel>(npgsql => npgsql.UseMetricSets());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("call modelBuilder.ApplyMetricSets() in ContextWithoutModel.OnModelCreating", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_without_UseMetricSets_fails_at_start_up_saying_what_to_call()
    {
        using var provider = Build<TestDbContext>(_ => { });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Call UseMetricSets() on the Npgsql options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_the_host_registered_first_are_kept()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock).AddSingleton<IMembershipDirectory, TestMembershipDirectory>();
        services.AddDbContext<TestDbContext>(o => o.UseNpgsql(UnusedConnection, npgsql => npgsql.UseMetricSets()));
        services.AddMetricSets<TestDbContext>().AddMetricSets<TestDbContext>();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Single(services, d => d.ServiceType == typeof(IMetricCatalog));
    }

    private static ServiceProvider Build<TContext>(
        Action<Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder> npgsql,
        Action<MetricSets.EntityFrameworkCore.MetricSetsOptions>? configure = null,
        bool withDirectory = true)
        where TContext : DbContext
    {
        var services = new ServiceCollection();
        if (withDirectory)
        {
            services.AddSingleton<IMembershipDirectory, TestMembershipDirectory>();
        }

        services.AddDbContext<TContext>(o => o.UseNpgsql(UnusedConnection, npgsql));
        services.AddMetricSets<TContext>(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public sealed class ContextWithoutModel(DbContextOptions<ContextWithoutModel> options) : DbContext(options);
}
