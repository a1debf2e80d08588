using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.Diagnostics;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Transactions;
using NodaTime;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// <c>MetricSetsOptions.Replicas</c> with a real hot standby: values recorded on the primary are read from the standby,
/// by every kind of read; a scope always reads its own writes, and carries that to another scope through its token; a host
/// transaction's reads stay on the primary. The standby's replay is paused where a test needs it to lag for certain.
/// </summary>
public sealed class ReplicaReadTest(ReplicaDatabase database) : IClassFixture<ReplicaDatabase>
{

    [Fact]
    public async Task Values_recorded_on_the_primary_are_read_from_the_standby()
    {
        var (squat, member) = await SetUpAsync();
        await using (var writer = database.Scope())
        {
            await writer.Recorder.RecordAsync(MetricViewer.ForMember(member), Kilograms.OnDay(member, squat, 100, 0));
        }

        await database.WaitForReplayAsync();
        await using (var reader = database.Scope())
        {
            using var routes = new ReadRoutes(reader);
            Assert.Equal(100m, (await reader.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat))!.Value.Amount);
            Assert.Equal("replica", routes.Last);
        }

        // With replay paused, a newer value is on the primary only: a fresh scope reads the standby's older one.
        await using (await database.PauseReplayAsync())
        {
            await using (var writer = database.Scope())
            {
                await writer.Recorder.RecordAsync(MetricViewer.ForMember(member), Kilograms.OnDay(member, squat, 105, 1));
            }

            await using var reader = database.Scope();
            await using var onPrimary = database.Scope(replica: ReplicaDatabase.NoReplica);
            Assert.Equal(100m, (await reader.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat))!.Value.Amount);
            Assert.Equal(105m, (await onPrimary.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat))!.Value.Amount);
        }

        await database.WaitForReplayAsync();
        await using var later = database.Scope();
        Assert.Equal(105m, (await later.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat))!.Value.Amount);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Every_read_goes_to_the_standby_and_every_write_to_the_primary(MembershipSource memberships)
    {
        await using var scope = database.Scope(memberships);
        using var trace = new TraceCapture();
        var (squat, member) = await SetUpAsync();
        var gym = await database.OnPrimary.AddOrganizationAsync();
        scope.Directory.AddMember(member, gym);
        var coach = scope.StaffOf(gym);
        await scope.Recorder.RecordAsync(coach, Kilograms.OnDay(member, squat, 120, 1).With(source: MetricSource.CoachInput));
        await scope.Recorder.RecordManyAsync(coach, [Kilograms.OnDay(member, squat, 110, 0).With(source: MetricSource.CoachInput, id: MemberMetricId.New())]);
        var set = await scope.Sets.CreateAsync(coach, MetricOwner.ForOrganization(gym), "Strength", [squat]);
        var session = scope.Get<IMetricReadSession>();
        Assert.NotNull(await session.GetTokenAsync()); // the scope's writes are placed; its reads may use the standby once it has them
        await database.WaitForReplayAsync();
        trace.Clear();

        Assert.Equal(120m, (await scope.Reader.GetLatestAsync(coach, member, [squat]))[squat].Value.Amount);
        Assert.Equal(2, (await scope.Reader.GetLastAsync(coach, member, [squat], 5))[squat].Count);
        Assert.Equal(120m, (await scope.Reader.GetPersonalBestsAsync(coach, member, [squat]))[squat].Value.Amount);
        Assert.Equal(2, (await scope.Reader.GetHistoryAsync(coach, new MetricHistoryQuery(member, squat))).Items.Count);
        Assert.Single((await scope.Leaderboards.GetLeaderboardAsync(coach, new MetricLeaderboardQuery(gym, squat))).Items);
        Assert.Equal(120m, Assert.Single((await scope.Resolver.ResolveAsync(coach, new MetricSetResolutionQuery(set.Id, member))).Metrics).LatestValue!.Value.Amount);

        var reads = trace.Spans;
        Assert.Equal(6, reads.Count);
        Assert.All(reads, span => Assert.Equal("replica", span.GetTagItem("metricsets.read.target")));
        Assert.All(reads, span => Assert.Null(span.GetTagItem("metricsets.read.reason")));
        Assert.All(trace.SqlSpans, sql => Assert.Equal(database.Standby.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), sql.GetTagItem("server.port")?.ToString()));
    }

    [Fact]
    public async Task A_scope_reads_its_own_writes_while_the_standby_lags_and_hands_them_on_with_its_token()
    {
        var (squat, member) = await SetUpAsync();
        var self = MetricViewer.ForMember(member);
        string token;
        await using (await database.PauseReplayAsync())
        {
            await using var scope = database.Scope();
            using var routes = new ReadRoutes(scope);
            await scope.Recorder.RecordAsync(self, Kilograms.OnDay(member, squat, 80, 0));

            // The first read after the write goes to the primary and learns the write's position; later reads check it.
            Assert.Equal(80m, (await scope.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
            Assert.Equal(80m, (await scope.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
            Assert.Equal(["primary:own_write", "primary:behind"], routes.All);
            token = (await scope.Get<IMetricReadSession>().GetTokenAsync())!;

            // Another request: with the token it reads the write; without, it reads the lagging standby.
            await using var next = database.Scope();
            using var nextRoutes = new ReadRoutes(next);
            next.Get<IMetricReadSession>().ContinueFrom(token);
            Assert.Equal(80m, (await next.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
            Assert.Equal("primary:behind", nextRoutes.Last);
            await using var stranger = database.Scope();
            Assert.Null(await stranger.Reader.FindLatestAsync(self, member, squat));
        }

        // Once replayed, the same token lets the reads use the standby.
        await database.WaitForReplayAsync();
        await using var afterwards = database.Scope();
        using var afterRoutes = new ReadRoutes(afterwards);
        afterwards.Get<IMetricReadSession>().ContinueFrom(token);
        Assert.Equal(80m, (await afterwards.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
        Assert.Equal("replica", afterRoutes.Last);
        Assert.Equal(token, await afterwards.Get<IMetricReadSession>().GetTokenAsync());
    }

    [Fact]
    public async Task Writes_of_every_kind_keep_the_scopes_reads_on_the_primary_until_their_position_is_known()
    {
        var (squat, member) = await SetUpAsync();
        var self = MetricViewer.ForMember(member);
        await using (await database.PauseReplayAsync())
        {
            await using var scope = database.Scope();
            using var routes = new ReadRoutes(scope);
            var writes = new Func<Task>[]
            {
                () => scope.Recorder.RecordAsync(self, Kilograms.OnDay(member, squat, 1, 10)),
                () => scope.Recorder.RecordManyAsync(self, [Kilograms.OnDay(member, squat, 2, 9)]),
                () => scope.Sets.CreateAsync(self, MetricOwner.ForMember(member), "Mine", [squat]),
                () => scope.Catalog.EnsureAsync([new CatalogEntry(Catalogue.UniqueSlug("plank"), LocalizedName.Of("en", "Plank"), MetricUnit.Second, MetricKind.Time)]),
            };

            foreach (var write in writes)
            {
                await write();
                await scope.Reader.GetLastAsync(self, member, [squat], 10);
                Assert.Equal("primary:own_write", routes.Last);
            }

            Assert.Equal(2, (await scope.Reader.GetLastAsync(self, member, [squat], 10))[squat].Count);
            Assert.Equal("primary:behind", routes.Last);
        }
    }

    [Fact]
    public async Task A_host_transactions_reads_stay_on_the_primary_and_see_its_uncommitted_writes()
    {
        var (squat, member) = await SetUpAsync();
        var self = MetricViewer.ForMember(member);
        await using var scope = database.Scope();
        using var routes = new ReadRoutes(scope);

        await using (var transaction = await scope.Context.Database.BeginTransactionAsync())
        {
            Assert.Null(await scope.Reader.FindLatestAsync(self, member, squat));
            await scope.Recorder.RecordAsync(self, Kilograms.OnDay(member, squat, 60, 0));
            Assert.Equal(60m, (await scope.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Get<IMetricReadSession>().GetTokenAsync().AsTask());
            await transaction.RollbackAsync();
        }

        Assert.Equal(["primary:transaction", "primary:transaction"], routes.All);
        Assert.Null(await scope.Reader.FindLatestAsync(self, member, squat));
        Assert.Equal("primary:own_write", routes.Last);
    }

    [Fact]
    public async Task An_ambient_transaction_keeps_the_reads_on_the_primary_where_they_see_its_writes()
    {
        var (squat, member) = await SetUpAsync();
        var self = MetricViewer.ForMember(member);
        await using var scope = database.Scope();
        using var routes = new ReadRoutes(scope);

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await scope.Recorder.RecordAsync(self, Kilograms.OnDay(member, squat, 65, 0));
            Assert.Equal(65m, (await scope.Reader.FindLatestAsync(self, member, squat))!.Value.Amount);
        }

        Assert.Equal(["primary:transaction"], routes.All);
        Assert.Null(await scope.Reader.FindLatestAsync(self, member, squat));
    }

    [Fact]
    public async Task A_host_with_a_pooled_context_reads_from_the_standby_too()
    {
        var (squat, member) = await SetUpAsync();
        await using (var writer = database.Scope(replica: ReplicaDatabase.NoReplica))
        {
            await writer.Recorder.RecordAsync(MetricViewer.ForMember(member), Kilograms.OnDay(member, squat, 75, 0));
        }

        await database.WaitForReplayAsync();
        var services = new ServiceCollection().AddSingleton<IMembershipDirectory>(new TestMembershipDirectory());
        services.AddDbContextPool<TestDbContext>(o => o.UseNpgsql(database.PrimaryConnectionString, npgsql => npgsql.UseMetricSets()));
        services.AddMetricSets<TestDbContext>(o => o.Replicas.ConnectionString = database.StandbyConnectionString);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var measurements = new MeasurementCapture(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        for (var request = 0; request < 3; request++)
        {
            await using var scope = provider.CreateAsyncScope();
            var latest = await scope.ServiceProvider.GetRequiredService<IMemberMetricReader>().FindLatestAsync(MetricViewer.ForMember(member), member, squat);
            Assert.Equal(75m, latest!.Value.Amount);
        }

        Assert.Equal(3, measurements.Sum(ReadRoutes.Instrument, ("metricsets.read.target", "replica")));
    }

    [Fact]
    public async Task The_standby_runs_the_host_contexts_interceptors_and_row_level_security_settings()
    {
        var (squat, member) = await SetUpAsync();
        var interceptor = new CommandLog();
        await using var scope = database.Scope(configure: o => o.RowLevelSecurity = true, context: o => o.AddInterceptors(interceptor));
        using var routes = new ReadRoutes(scope);

        Assert.Null(await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat));

        Assert.Equal("replica", routes.Last);
        var read = Assert.Single(interceptor.Commands, command => command.Port == database.Standby.Port);
        Assert.StartsWith("DO $metricsets$", read.Text, StringComparison.Ordinal);
    }

    private async Task<(MetricDefinitionId Squat, UserId Member)> SetUpAsync()
    {
        await using var scope = database.Scope(replica: ReplicaDatabase.NoReplica);
        var squat = await scope.BackSquatAsync();
        var member = await database.OnPrimary.AddUserAsync();
        await database.WaitForReplayAsync();
        return (squat.Id, member);
    }
}
