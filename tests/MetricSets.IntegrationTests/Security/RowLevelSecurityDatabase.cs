using System.Globalization;
using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using Npgsql;

namespace MetricSets.IntegrationTests.Security;

/// <summary>Who the application role says is asking: the three settings docs/row-level-security.sql reads.</summary>
public sealed record RlsViewer(Guid? User, Guid? Organization, string Role)
{
    /// <summary>No viewer at all: none of the settings.</summary>
    public static RlsViewer Nobody { get; } = new(null, null, string.Empty);

    public static RlsViewer Member(Guid user, Guid? organization = null) => new(user, organization, "member");

    public static RlsViewer Staff(Guid user, Guid organization) => new(user, organization, "staff");
}

/// <summary>
/// A database as a host sets it up for docs/row-level-security.sql: the library's tables in <see cref="Schema"/>, owned by
/// a role that is not a superuser; the host's two views over membership tables; the script applied by the owner; and an
/// application role that neither owns the tables nor is a superuser, with every privilege on the four tables granted
/// before the script ran (the worst a host might do), USAGE on the schema, and nothing on the views.
/// </summary>
/// <remarks>
/// One database per test class. Tests act through <see cref="AsAsync{T}"/>, which rolls back, so they leave the seed as
/// it was. The seed's values are told apart by their value: 11 and 12 are member A's, 21 to 24 member AB's (a member of
/// both gyms), 31 and 32 member B's, 41 and 42 an outsider's. Under provenance 11, 21 were recorded in gym A; 22, 23, 31
/// in gym B; the others nowhere.
/// </remarks>
public abstract class RowLevelSecurityDatabase(string schema, MemberMetricProvenance provenance) : IAsyncLifetime
{
    public const string OwnerRole = "metricsets_rls_owner";
    public const string AppRole = "metricsets_rls_app";

    public static readonly Guid GymA = Guid.Parse("0000000a-0000-7000-8000-000000000000");
    public static readonly Guid GymB = Guid.Parse("0000000b-0000-7000-8000-000000000000");
    public static readonly Guid CoachA = Guid.Parse("c000000a-0000-7000-8000-000000000000");
    public static readonly Guid CoachB = Guid.Parse("c000000b-0000-7000-8000-000000000000");
    public static readonly Guid MemberA = Guid.Parse("a0000001-0000-7000-8000-000000000000");
    public static readonly Guid MemberAB = Guid.Parse("ab000001-0000-7000-8000-000000000000");
    public static readonly Guid MemberB = Guid.Parse("b0000001-0000-7000-8000-000000000000");
    public static readonly Guid Outsider = Guid.Parse("00000001-0000-7000-8000-000000000000");
    public static readonly Guid WorkoutA = Guid.Parse("00000a01-0000-7000-8000-000000000000");
    public static readonly Guid WorkoutB = Guid.Parse("00000b01-0000-7000-8000-000000000000");
    public static readonly Guid Definition = Guid.Parse("de000001-0000-7000-8000-000000000000");

    // The roles belong to the whole server: one fixture at a time creates them, tolerating an earlier run's.
    private static readonly SemaphoreSlim RoleCreation = new(1, 1);

    private static readonly (int Label, Guid Member, string Source, Guid? RecordedIn)[] Values =
    [
        (11, MemberA, "coach_input", GymA), (12, MemberA, "self_report", null),
        (21, MemberAB, "coach_input", GymA), (22, MemberAB, "self_report", GymB), (23, MemberAB, "coach_input", GymB),
        (24, MemberAB, "coach_input", null),
        (31, MemberB, "coach_input", GymB), (32, MemberB, "self_report", null),
        (41, Outsider, "coach_input", null), (42, Outsider, "self_report", null),
    ];

    private string _app = string.Empty;

    public string Schema => schema;

    /// <summary>The server's administrator (a superuser) in this database: sees every row, whatever the policies.</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        AdminConnectionString = await CreateDatabaseAsync();
        await CreateRolesAsync(AdminConnectionString);
        var owned = schema == "public" ? $"GRANT CREATE ON SCHEMA public TO {OwnerRole};" : $"CREATE SCHEMA {schema} AUTHORIZATION {OwnerRole};";
        var recordedIn = provenance == MemberMetricProvenance.None ? string.Empty : ", organization_id";
        var values = string.Join(", ", Values.Select(v =>
            $"('{v.Member}'::uuid, {v.Label}, '{v.Source}'{(recordedIn.Length == 0 ? string.Empty : $", {Uuid(v.RecordedIn)}")})"));
        await TestServer.ExecuteAsync(AdminConnectionString, $$"""
            {{owned}}
            SET ROLE {{OwnerRole}};
            SET search_path = {{schema}};
            {{TestServer.HostTablesSql}}
            {{TestServer.GenerateSchemaScript(provenance)}}
            CREATE VIEW metricsets_memberships AS SELECT user_id, organization_id, role FROM memberships;
            CREATE TABLE workout_organizations (workout_id uuid, organization_id uuid);
            CREATE VIEW metricsets_workout_organizations AS SELECT workout_id, organization_id FROM workout_organizations;
            GRANT USAGE ON SCHEMA {{schema}} TO {{AppRole}};
            GRANT ALL PRIVILEGES ON member_metrics, metric_sets, metric_set_definitions, metric_definitions TO {{AppRole}};
            {{(provenance == MemberMetricProvenance.None ? string.Empty : $"GRANT ALL PRIVILEGES ON member_metrics_latest TO {AppRole};")}}
            GRANT SELECT ON users TO {{AppRole}};
            INSERT INTO organizations VALUES ('{{GymA}}'), ('{{GymB}}');
            INSERT INTO users VALUES ('{{CoachA}}'), ('{{CoachB}}'), ('{{MemberA}}'), ('{{MemberAB}}'), ('{{MemberB}}'), ('{{Outsider}}');
            INSERT INTO workouts VALUES ('{{WorkoutA}}'), ('{{WorkoutB}}');
            INSERT INTO memberships VALUES
                ('{{CoachA}}', '{{GymA}}', 'staff'), ('{{CoachB}}', '{{GymB}}', 'staff'), ('{{MemberA}}', '{{GymA}}', 'member'),
                ('{{MemberAB}}', '{{GymA}}', 'member'), ('{{MemberAB}}', '{{GymB}}', 'member'), ('{{MemberB}}', '{{GymB}}', 'member');
            INSERT INTO workout_organizations VALUES ('{{WorkoutA}}', '{{GymA}}'), ('{{WorkoutB}}', '{{GymB}}');
            INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind) VALUES ('{{Definition}}', 'back_squat_1rm', '{"en": "Squat"}', 'kg', 'one_rep_max');
            INSERT INTO member_metrics (id, definition_id, unit, member_id, value, source{{recordedIn}})
                SELECT gen_random_uuid(), '{{Definition}}', 'kg', v.* FROM (VALUES {{values}}) AS v;
            INSERT INTO metric_sets (id, name, organization_id) VALUES (gen_random_uuid(), 'A gym set', '{{GymA}}');
            INSERT INTO metric_sets (id, name, workout_id) VALUES (gen_random_uuid(), 'B workout set', '{{WorkoutB}}');
            INSERT INTO metric_sets (id, name, member_user_id) VALUES (gen_random_uuid(), 'B member set', '{{MemberB}}');
            INSERT INTO metric_set_definitions (set_id, definition_id) SELECT id, '{{Definition}}' FROM metric_sets;
            """);

        // Applied without a search_path of the schema: the script must name everything itself.
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await ApplyScriptAsync(connection, AppRole);
            await transaction.CommitAsync();
        }

        _app = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Username = AppRole }.ConnectionString;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Readies the database for the library's own calls as the application role, which reads the host's tables its record
    /// statement checks, and tells the test directory of each of <paramref name="connectionStrings"/> the seed's memberships.
    /// </summary>
    public async Task PrepareForTheLibraryAsync(params string[] connectionStrings)
    {
        await TestServer.ExecuteAsync(AdminConnectionString, $"GRANT SELECT ON organizations, workouts TO {AppRole}");
        foreach (var connectionString in connectionStrings)
        {
            await using var scope = new ServiceScope(connectionString);
            scope.Directory.AddStaff(new UserId(CoachA), new OrganizationId(GymA)).AddStaff(new UserId(CoachB), new OrganizationId(GymB))
                .AddMember(new UserId(MemberA), new OrganizationId(GymA)).AddMember(new UserId(MemberAB), new OrganizationId(GymA))
                .AddMember(new UserId(MemberAB), new OrganizationId(GymB)).AddMember(new UserId(MemberB), new OrganizationId(GymB));
        }
    }

    /// <summary>Creates the empty database, on the test run's server unless a subclass has a server of its own; returns the administrator's connection string.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestServer.CreateEmptyDatabaseAsync("metricsets_rls");

    /// <summary>Runs docs/row-level-security.sql as the owner inside the caller's transaction, for <paramref name="appRole"/>.</summary>
    public async Task ApplyScriptAsync(NpgsqlConnection connection, string appRole)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "row-level-security.sql"));
        await using (var owner = new NpgsqlCommand($"SET LOCAL ROLE {OwnerRole}", connection))
        {
            await owner.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            "SELECT set_config('metricsets.rls_schema', $1, true), set_config('metricsets.rls_app_role', $2, true)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = appRole });
        await command.ExecuteNonQueryAsync();
        await using var apply = new NpgsqlCommand(script, connection);
        await apply.ExecuteNonQueryAsync();
    }

    /// <summary>Opens a connection as the application role and runs <paramref name="body"/> in a transaction that says
    /// who is asking (transaction-locally, with the schema on the search path) and is then rolled back.</summary>
    public async Task<T> AsAsync<T>(RlsViewer viewer, Func<NpgsqlConnection, Task<T>> body)
    {
        await using var connection = await OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (viewer != RlsViewer.Nobody)
        {
            await SetViewerAsync(connection, viewer);
        }

        await using (var path = new NpgsqlCommand("SELECT set_config('search_path', $1, true)", connection))
        {
            path.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            await path.ExecuteNonQueryAsync();
        }

        var result = await body(connection);
        await transaction.RollbackAsync();
        return result;
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns for the administrator, who sees every row.</summary>
    public async Task<List<string>> AdminQueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var path = new NpgsqlCommand($"SET search_path = {schema}", connection))
        {
            await path.ExecuteNonQueryAsync();
        }

        return await ReadAsync(connection, sql);
    }

    /// <summary>Gets the connection string of the application role.</summary>
    public string AppConnectionString => _app;

    public async Task<NpgsqlConnection> OpenAppConnectionAsync()
    {
        var connection = new NpgsqlConnection(_app);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Says who is asking, as the script's header prescribes: set_config(…, true), for the current transaction only.</summary>
    public static async Task SetViewerAsync(NpgsqlConnection connection, RlsViewer viewer)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('metricsets.viewer_user_id', $1, true), set_config('metricsets.viewer_organization_id', $2, true),
                   set_config('metricsets.viewer_role', $3, true)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = viewer.User?.ToString() ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = viewer.Organization?.ToString() ?? string.Empty });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = viewer.Role });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns for <paramref name="viewer"/>, as text.</summary>
    public Task<List<string>> QueryAsync(RlsViewer viewer, string sql) => AsAsync(viewer, connection => ReadAsync(connection, sql));

    /// <summary>The labels (values) of the member metrics <paramref name="viewer"/> sees, in order.</summary>
    public async Task<List<int>> VisibleValuesAsync(RlsViewer viewer) =>
        [.. (await QueryAsync(viewer, "SELECT value::int FROM member_metrics ORDER BY value")).Select(int.Parse)];

    /// <summary>Runs <paramref name="sql"/> for <paramref name="viewer"/>; returns the rows it affected.</summary>
    public Task<int> ExecuteAsync(RlsViewer viewer, string sql) => AsAsync(viewer, async connection =>
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    });

    /// <summary>Runs <paramref name="sql"/> for <paramref name="viewer"/> and returns the error PostgreSQL answers with.</summary>
    public Task<PostgresException> RefusedAsync(RlsViewer viewer, string sql) =>
        Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(viewer, sql));

    /// <summary>An INSERT of one member metric with the given label, source and (under provenance) organization.</summary>
    public string InsertValue(Guid member, int label, string? source, Guid? recordedIn = null) =>
        $"""
        INSERT INTO member_metrics (id, member_id, definition_id, value, unit, source{(provenance == MemberMetricProvenance.None ? string.Empty : ", organization_id")})
        VALUES (gen_random_uuid(), '{member}', '{Definition}', {label.ToString(CultureInfo.InvariantCulture)}, 'kg', {Text(source)}{(provenance == MemberMetricProvenance.None ? string.Empty : $", {Uuid(recordedIn)}")})
        """;

    public static async Task<List<string>> ReadAsync(NpgsqlConnection connection, string sql)
    {
        var rows = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static string Uuid(Guid? value) => value is { } id ? $"'{id}'::uuid" : "NULL::uuid";

    private static string Text(string? value) => value is null ? "NULL" : $"'{value}'";

    private static async Task CreateRolesAsync(string admin)
    {
        await RoleCreation.WaitAsync();
        try
        {
            await TestServer.ExecuteAsync(admin, $$"""
                DO $$ BEGIN CREATE ROLE {{OwnerRole}} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
                DO $$ BEGIN CREATE ROLE {{AppRole}} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
                """);
        }
        finally
        {
            RoleCreation.Release();
        }
    }

    /// <summary>The library's tables in <c>public</c>, without the provenance column.</summary>
    public sealed class Plain() : RowLevelSecurityDatabase("public", MemberMetricProvenance.None);

    /// <summary>The library's tables in a schema of the host's, <c>gym</c>, with the provenance column (Restrict).</summary>
    public sealed class WithProvenance() : RowLevelSecurityDatabase("gym", MemberMetricProvenance.Restrict);

    /// <summary>The library's default schema (Restrict, in <c>public</c>), for the library's own calls as the app role.</summary>
    public sealed class ForTheLibrary() : RowLevelSecurityDatabase("public", MemberMetricProvenance.Restrict);
}
