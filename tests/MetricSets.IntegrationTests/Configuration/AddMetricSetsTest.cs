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

        Assert.Contains("MetricSets does not know who belongs where", error.Message, StringComparison.Ordinal);
        Assert.Contains("o.Memberships.UseEntity<Membership>()", error.Message, StringComparison.Ordinal);
        Assert.Contains("register your IMembershipDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapped_memberships_stand_in_for_a_directory()
    {
        using var provider = Build<GymContext>(
            npgsql => npgsql.UseMetricSets(),
            o => o.Memberships.UseEntity<GymMembership>().HasColumns(organization: "gym_id").HasRoles(["coach"], ["athlete"]).WorkoutsBelongTo("gym_id"),
            withDirectory: false);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void A_table_the_model_does_not_map_is_taken_on_trust()
    {
        using var provider = Build<TestDbContext>(npgsql => npgsql.UseMetricSets(), ServiceScope.MapMemberships, withDirectory: false);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("entity", "Memberships.UseEntity<NotMapped>(): the context's model does not map NotMapped.")]
    [InlineData("column", "the memberships table \"gym_memberships\" has no column 'organization_id' (it has: gym_id, role, user_id)")]
    [InlineData("role in both", "'coach' cannot be both a staff role and a member role")]
    [InlineData("no member role", "name at least one staff role and one member role, none of them blank")]
    [InlineData("blank role", "name at least one staff role and one member role, none of them blank")]
    [InlineData("workout column", "WorkoutsBelongTo(\"organization_id\"): the workouts table gym_workouts has no such column (it has: gym_id, id)")]
    public void Mapped_memberships_that_do_not_fit_the_model_fail_at_start_up_naming_what_is_wrong(string mistake, string expected)
    {
        Action<MetricSets.EntityFrameworkCore.MetricSetsOptions> configure = mistake switch
        {
            "entity" => o => o.Memberships.UseEntity<NotMapped>(),
            "column" => o => o.Memberships.UseEntity<GymMembership>(),
            "role in both" => o => o.Memberships.UseEntity<GymMembership>().HasColumns(organization: "gym_id").HasRoles(["coach"], ["coach", "athlete"]),
            "no member role" => o => o.Memberships.UseEntity<GymMembership>().HasColumns(organization: "gym_id").HasRoles(["coach"], []),
            "blank role" => o => o.Memberships.UseEntity<GymMembership>().HasColumns(organization: "gym_id").HasRoles(["coach", " "], ["athlete"]),
            _ => o => o.Memberships.UseEntity<GymMembership>().HasColumns(organization: "gym_id").WorkoutsBelongTo("organization_id"),
        };
        using var provider = Build<GymContext>(npgsql => npgsql.UseMetricSets(), configure, withDirectory: false);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
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

    public sealed class AppUser
    {
        public Guid Id { get; set; }
    }

    public sealed class NotMapped;

    public sealed class GymMembership
    {
        public Guid UserId { get; set; }

        public Guid GymId { get; set; }

        public string Role { get; set; } = string.Empty;
    }

    public sealed class GymWorkout
    {
        public Guid Id { get; set; }

        public Guid GymId { get; set; }
    }

    /// <summary>A host that maps its memberships and workouts itself, with a gym_id where the library defaults to organization_id.</summary>
    public sealed class GymContext(DbContextOptions<GymContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<AppUser>().ToTable("users").Property(u => u.Id).HasColumnName("id");
            modelBuilder.Entity<GymWorkout>(workout =>
            {
                workout.ToTable("gym_workouts");
                workout.Property(w => w.Id).HasColumnName("id");
                workout.Property(w => w.GymId).HasColumnName("gym_id");
            });
            modelBuilder.Entity<GymMembership>(membership =>
            {
                membership.ToTable("gym_memberships");
                membership.HasKey(m => new { m.UserId, m.GymId });
                membership.Property(m => m.UserId).HasColumnName("user_id");
                membership.Property(m => m.GymId).HasColumnName("gym_id");
                membership.Property(m => m.Role).HasColumnName("role");
            });
            modelBuilder.ApplyMetricSets(o =>
            {
                o.Users.UseEntity<AppUser>();
                o.Workouts.UseEntity<GymWorkout>();
            });
        }
    }
}
