using MetricSets.EntityFrameworkCore;
using MetricSets.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MetricSets.Testing;

/// <summary>
/// The one PostgreSQL server of a test run: <c>METRICSETS_TEST_CONNECTION</c> when set, otherwise a throwaway cluster.
/// Holds a template database migrated through the model, which each test class clones.
/// </summary>
public static class TestServer
{
    /// <summary>
    /// The host tables the library references (the seed's shape), plus what a host's mapped memberships look like: a
    /// memberships table whose rows end rather than vanish, and the organization of each workout.
    /// </summary>
    public const string HostTablesSql = """
        CREATE TABLE users (id uuid PRIMARY KEY);
        CREATE TABLE workouts (id uuid PRIMARY KEY, organization_id uuid);
        CREATE TABLE organizations (id uuid PRIMARY KEY);
        CREATE TABLE memberships (
            user_id uuid NOT NULL,
            organization_id uuid NOT NULL,
            role text NOT NULL,
            ended_at timestamptz,
            PRIMARY KEY (user_id, organization_id, role));
        """;

    // Per process: test assemblies run in parallel and may share one server (METRICSETS_TEST_CONNECTION).
    private static readonly string TemplateName = $"metricsets_template_{Environment.ProcessId}";
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static int _databaseCounter;

    /// <summary>Creates a fresh database with the library's schema over the stub host tables.</summary>
    public static Task<string> CreateDatabaseAsync(string prefix) => CreateAsync(prefix, $" TEMPLATE {TemplateName}");

    /// <summary>Creates an empty database (no schema at all).</summary>
    public static Task<string> CreateEmptyDatabaseAsync(string prefix) => CreateAsync(prefix, string.Empty);

    /// <summary>The DDL the model generates for the library's tables, as hosts' migrations create them.</summary>
    public static string GenerateSchemaScript(MemberMetricProvenance provenance = MemberMetricProvenance.Restrict)
    {
        const string unused = "Host=unused";
        using DbContext context = provenance switch
        {
            MemberMetricProvenance.Restrict => new TestDbContext(Options<TestDbContext>(unused)),
            MemberMetricProvenance.Track => new TrackedProvenanceDbContext(Options<TrackedProvenanceDbContext>(unused)),
            _ => new SeedExactDbContext(Options<SeedExactDbContext>(unused)),
        };
        return context.Database.GenerateCreateScript();
    }

    /// <summary>Creates a database whose schema comes from a host model with the given provenance option.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, MemberMetricProvenance provenance)
    {
        if (provenance == MemberMetricProvenance.Restrict)
        {
            return await CreateDatabaseAsync(prefix);
        }

        var connectionString = await CreateEmptyDatabaseAsync(prefix);
        await ExecuteAsync(connectionString, HostTablesSql);
        await ExecuteAsync(connectionString, GenerateSchemaScript(provenance));
        return connectionString;
    }

    /// <summary>Options for a host context over <paramref name="connectionString"/>, wired as the README says.</summary>
    public static DbContextOptions<TContext> Options<TContext>(string connectionString)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>().UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()).Options;

    private static async Task<string> CreateAsync(string prefix, string template)
    {
        var adminConnectionString = await Server.Value;
        var name = $"{prefix.ToLowerInvariant()}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{name}\"{template}");
        return WithDatabase(adminConnectionString, name);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var adminConnectionString = Environment.GetEnvironmentVariable("METRICSETS_TEST_CONNECTION") is { Length: > 0 } existing
            ? existing
            : (await EmbeddedPostgres.StartAsync()).ConnectionString;

        await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {TemplateName}");
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {TemplateName}");
        var template = WithDatabase(adminConnectionString, TemplateName);
        await ExecuteAsync(template, HostTablesSql);
        await ExecuteAsync(template, GenerateSchemaScript());

        // A template cannot be cloned while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
        return adminConnectionString;
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
