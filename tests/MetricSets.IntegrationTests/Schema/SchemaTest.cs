namespace MetricSets.IntegrationTests.Schema;

/// <summary>
/// The schema a host's migration creates through the model, read back from pg_catalog: exactly the seed for a host that
/// opts out of provenance, and the seed plus the documented provenance additions with the defaults; docs/schema.sql is
/// exactly what the default model generates and creates the same catalogue.
/// </summary>
public sealed class SchemaTest : IClassFixture<DatabaseFixture>
{
    private readonly DatabaseFixture _database;

    public SchemaTest(DatabaseFixture database) => _database = database;

    public static TheoryData<string> Sources => new() { "model", "docs/schema.sql", "seed-exact model" };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Columns_types_nullability_and_defaults_equal_the_seed(string source) =>
        Assert.Equal(source == "seed-exact model" ? SeedSchema.Columns : SeedSchema.WithDefaults.Columns, await CatalogSnapshot.ColumnsAsync(await ConnectionStringAsync(source)));

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Enum_labels_are_in_declaration_order(string source) =>
        Assert.Equal(SeedSchema.Enums, await CatalogSnapshot.EnumsAsync(await ConnectionStringAsync(source)));

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Keys_unique_check_and_foreign_keys_equal_the_seed(string source) =>
        Assert.Equal(
            source == "seed-exact model" ? SeedSchema.Constraints : SeedSchema.WithDefaults.Constraints, await CatalogSnapshot.ConstraintsAsync(await ConnectionStringAsync(source)));

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Indexes_equal_the_seed(string source) =>
        Assert.Equal(source == "seed-exact model" ? SeedSchema.Indexes : SeedSchema.WithDefaults.Indexes, await CatalogSnapshot.IndexesAsync(await ConnectionStringAsync(source)));

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Triggers_and_functions_are_the_flat_reads_and_none_without_provenance(string source)
    {
        var connectionString = await ConnectionStringAsync(source);
        Assert.Equal(source == "seed-exact model" ? [] : SeedSchema.WithDefaults.Triggers, await CatalogSnapshot.TriggersAsync(connectionString));
        Assert.Equal(source == "seed-exact model" ? [] : SeedSchema.WithDefaults.Functions, await CatalogSnapshot.FunctionsAsync(connectionString));
    }

    [Fact]
    public void Docs_schema_sql_is_what_the_model_generates()
    {
        var generated = Normalize(TestServer.GenerateSchemaScript());
        var documented = Normalize(File.ReadAllText(SchemaScriptPath));
        if (Environment.GetEnvironmentVariable("METRICSETS_UPDATE_SCHEMA_SQL") == "1" && documented != generated)
        {
            File.WriteAllText(SourceSchemaScriptPath, SchemaScriptHeader + generated);
            documented = generated;
        }

        Assert.True(
            documented.EndsWith(generated, StringComparison.Ordinal),
            "docs/schema.sql differs from the DDL the model generates. Regenerate it: METRICSETS_UPDATE_SCHEMA_SQL=1 dotnet test --filter Docs_schema_sql_is_what_the_model_generates");
    }

    private const string SchemaScriptHeader = """
        -- MetricSets schema: the DDL that modelBuilder.ApplyMetricSets() makes a host's migration create.
        -- Generated from the model; tests/MetricSets.IntegrationTests/Schema/SchemaTest.cs fails when it drifts.
        -- Assumes the host tables users(id uuid), workouts(id uuid) and organizations(id uuid) exist.

        """;

    private static string SchemaScriptPath => Path.Combine(AppContext.BaseDirectory, "schema.sql");

    private static string SourceSchemaScriptPath =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "schema.sql"));

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    private async Task<string> ConnectionStringAsync(string source)
    {
        if (source == "model")
        {
            return _database.ConnectionString;
        }

        if (source == "seed-exact model")
        {
            return await TestServer.CreateDatabaseAsync("metricsets_seed_exact", MetricSets.EntityFrameworkCore.MemberMetricProvenance.None);
        }

        var empty = await TestServer.CreateEmptyDatabaseAsync("metricsets_schema_sql");
        await TestServer.ExecuteAsync(empty, TestServer.HostTablesSql);
        await TestServer.ExecuteAsync(empty, await File.ReadAllTextAsync(SchemaScriptPath));
        return empty;
    }
}
