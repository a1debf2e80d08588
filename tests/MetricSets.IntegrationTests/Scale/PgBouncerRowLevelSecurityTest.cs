using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.Security;
using MetricSets.IntegrationTests.TestUtilities;
using MetricSets.Testing.PostgreSql;
using Npgsql;
using static MetricSets.IntegrationTests.Security.RowLevelSecurityDatabase;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>
/// <c>MetricSetsOptions.RowLevelSecurity</c> through PgBouncer in transaction pooling mode, as the application role of
/// docs/row-level-security.sql: the viewer settings are transaction-local, so with one server connection shared by every
/// client, each call is judged as its own viewer and nothing it set reaches the next client's transaction.
/// </summary>
public sealed class PgBouncerRowLevelSecurityTest(PgBouncerRowLevelSecurityTest.Database database)
    : IClassFixture<PgBouncerRowLevelSecurityTest.Database>, IAsyncLifetime
{
    private static readonly MetricDefinitionId Squat = new(Definition);
    private static readonly MetricViewer CoachOfA = MetricViewer.ForStaff(new UserId(CoachA), new OrganizationId(GymA));
    private static readonly MetricViewer CoachOfB = MetricViewer.ForStaff(new UserId(CoachB), new OrganizationId(GymB));

    public Task InitializeAsync() => database.PrepareForTheLibraryAsync(database.ThroughBouncer, database.AdminConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_client_on_the_one_server_connection_is_judged_as_its_own_viewer_and_leaves_no_setting_behind()
    {
        await using var coachA = new ServiceScope(database.ThroughBouncer, o => o.RowLevelSecurity = true);
        await using var coachB = new ServiceScope(database.ThroughBouncer, o => o.RowLevelSecurity = true);
        await using var admin = new ServiceScope(database.AdminConnectionString);
        await using var bystander = new NpgsqlConnection(database.ThroughBouncer);
        await bystander.OpenAsync();
        var backends = new HashSet<int>();

        // Interleaved, so that each call follows the other viewer's on the same server connection.
        for (var round = 0; round < 3; round++)
        {
            foreach (var (scope, viewer) in new[] { (coachA, CoachOfA), (coachB, CoachOfB) })
            {
                foreach (var member in new[] { MemberA, MemberAB, MemberB })
                {
                    Assert.Equal(await HistoryAsync(admin, viewer, member), await HistoryAsync(scope, viewer, member));

                    // The next transaction on that server connection: no viewer, so RLS shows it nothing.
                    var (backend, viewerSetting, visibleRows) = await BystanderAsync(bystander);
                    backends.Add(backend);
                    Assert.Equal(string.Empty, viewerSetting);
                    Assert.Equal(0L, visibleRows);
                }
            }
        }

        Assert.Single(backends);
    }

    [Fact]
    public async Task Writes_pass_row_level_securitys_checks_through_PgBouncer()
    {
        await using var app = new ServiceScope(database.ThroughBouncer, o => o.RowLevelSecurity = true);
        RecordMetricRequest Value(decimal kilograms, MemberMetricId? id = null) =>
            new(new UserId(MemberA), Squat, MetricValue.Of(kilograms, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput, Id = id };

        var recorded = await app.Recorder.RecordAsync(CoachOfA, Value(160));
        var staged = await app.Recorder.RecordManyAsync(CoachOfA, [Value(161, MemberMetricId.New()), Value(162, MemberMetricId.New())]);
        await app.Recorder.DeleteAsync(CoachOfA, recorded.Id);

        Assert.Equal(2, staged.Recorded);
        Assert.Equal(["161", "162"], await database.AdminQueryAsync("SELECT value::int FROM member_metrics WHERE value BETWEEN 160 AND 162 ORDER BY value"));
    }

    private static async Task<string> HistoryAsync(ServiceScope scope, MetricViewer viewer, Guid member)
    {
        try
        {
            return string.Join(',', (await scope.Reader.GetHistoryAsync(viewer, new MetricHistoryQuery(new UserId(member), Squat))).Items.Select(r => r.Id));
        }
        catch (MetricNotFoundException refused)
        {
            return $"refused: {refused.Entity}";
        }
    }

    private static async Task<(int Backend, string ViewerSetting, long VisibleRows)> BystanderAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_backend_pid(), coalesce(current_setting('metricsets.viewer_user_id', true), ''), (SELECT count(*) FROM member_metrics)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2));
    }

    /// <summary>
    /// docs/row-level-security.sql's database (the library's tables in <c>public</c>, provenance restricted) on a server
    /// of its own, with a PgBouncer whose pool holds one server connection and admits the application role.
    /// </summary>
    public sealed class Database() : RowLevelSecurityDatabase("public", MemberMetricProvenance.Restrict)
    {
        private EmbeddedPostgres? _server;
        private PgBouncer? _bouncer;
        private string _name = string.Empty;

        /// <summary>Gets the application role's connection string through PgBouncer.</summary>
        public string ThroughBouncer =>
            new NpgsqlConnectionStringBuilder(_bouncer!.ConnectionStringFor(_name)) { Username = AppRole }.ConnectionString;

        public override async Task InitializeAsync()
        {
            _server = await EmbeddedPostgres.StartAsync();
            await base.InitializeAsync();
            _bouncer = await PgBouncer.StartAsync(_server, new PgBouncerOptions { DefaultPoolSize = 1, Users = [AppRole] });
        }

        public override async Task DisposeAsync()
        {
            await (_bouncer?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (_server?.DisposeAsync() ?? ValueTask.CompletedTask);
        }

        protected override async Task<string> CreateDatabaseAsync()
        {
            _name = "metricsets_rls_pgbouncer";
            await TestServer.ExecuteAsync(_server!.ConnectionString, $"CREATE DATABASE {_name}");
            return _server.ConnectionStringFor(_name);
        }
    }
}
