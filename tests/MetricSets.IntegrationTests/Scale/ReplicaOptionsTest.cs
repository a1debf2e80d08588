using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// <c>MetricSetsOptions.Replicas</c> is checked at start-up with messages that name the option (and never repeat a
/// connection string, which may hold a password); <see cref="IMetricReadSession"/> refuses a token that is not a WAL
/// position, keeps the later of two, and without a replica hands back what it was given without asking the database.
/// </summary>
public sealed class ReplicaOptionsTest
{
    // Nothing listens here: a test that reached the database would fail.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=unused;Timeout=1";

    public static TheoryData<string, string> Mistakes => new()
    {
        { "both", "MetricSetsOptions.Replicas has both a ConnectionString and a DataSource" },
        { "keyword", "MetricSetsOptions.Replicas.ConnectionString is not an Npgsql connection string" },
        { "no host", "MetricSetsOptions.Replicas.ConnectionString names no Host" },
        { "negative", "MetricSetsOptions.Replicas.RetryAfter is -0:00:00:01; it must be between zero and one hour" },
        { "too long", "MetricSetsOptions.Replicas.RetryAfter is 0:02:00:00; it must be between zero and one hour" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Replica_options_that_cannot_work_fail_at_start_up_naming_the_option(string mistake, string expected)
    {
        await using var dataSource = NpgsqlDataSource.Create(Unreachable);
        await using var scope = new ServiceScope(Unreachable, o =>
        {
            switch (mistake)
            {
                case "both":
                    (o.Replicas.ConnectionString, o.Replicas.DataSource) = (Unreachable, dataSource);
                    break;
                case "keyword":
                    o.Replicas.ConnectionString = "Host=standby;Password=hunter2;Hots=typo";
                    break;
                case "no host":
                    o.Replicas.ConnectionString = "Database=gym;Password=hunter2";
                    break;
                default:
                    (o.Replicas.ConnectionString, o.Replicas.RetryAfter) = (Unreachable, mistake == "negative" ? Duration.FromSeconds(-1) : Duration.FromHours(2));
                    break;
            }
        });

        var error = Assert.Throws<OptionsValidationException>(() => scope.Get<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_by_connection_string_or_data_source_passes_start_up_validation()
    {
        await using var dataSource = new NpgsqlDataSourceBuilder(Unreachable).UseMetricSets().Build();
        await using var byString = new ServiceScope(Unreachable, o => o.Replicas.ConnectionString = Unreachable);
        await using var bySource = new ServiceScope(Unreachable, o => (o.Replicas.DataSource, o.Replicas.RetryAfter) = (dataSource, Duration.Zero));
        await using var without = new ServiceScope(Unreachable);

        byString.Get<IStartupValidator>().Validate();
        bySource.Get<IStartupValidator>().Validate();
        Assert.True(byString.Get<IOptions<MetricSetsOptions>>().Value.Replicas.IsEnabled);
        Assert.False(without.Get<IOptions<MetricSetsOptions>>().Value.Replicas.IsEnabled);
    }

    [Theory]
    [InlineData("16/B374D848/1")]
    [InlineData("not a position")]
    [InlineData("16-B374D848")]
    public async Task A_token_that_is_not_a_WAL_position_is_refused_and_changes_nothing(string token)
    {
        await using var scope = new ServiceScope(Unreachable, o => o.Replicas.ConnectionString = Unreachable);
        var session = scope.Get<IMetricReadSession>();
        session.ContinueFrom("1/0");

        var error = Assert.Throws<MetricValidationException>(() => session.ContinueFrom(token));

        Assert.Equal("token", error.ParameterName);
        Assert.Equal("1/0", await session.GetTokenAsync());
    }

    [Fact]
    public async Task Without_a_replica_the_session_hands_back_the_latest_token_it_was_given_and_never_queries()
    {
        await using var scope = new ServiceScope(Unreachable);
        var session = scope.Get<IMetricReadSession>();
        Assert.Null(await session.GetTokenAsync());

        session.ContinueFrom("16/B374D848");
        session.ContinueFrom("2/FF");
        session.ContinueFrom(null);
        session.ContinueFrom(string.Empty);

        Assert.Equal("16/B374D848", await session.GetTokenAsync());
        Assert.Same(session, scope.Get<IMetricReadSession>());
    }
}
