using MetricSets.EntityFrameworkCore.Mapping;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;

namespace MetricSets.IntegrationTests.Schema;

/// <summary>
/// Upgrading a database that holds values: the migration a host's <c>dotnet ef migrations add</c> makes for the flat
/// reads (creating <c>member_metrics_latest</c> and its index), as UseMetricSets()'s migrations SQL generator turns it into
/// SQL, adds the stored base amount and plausibility, the base-amount index and the triggers, decides the stored values'
/// plausibility and fills the table from them; its down
/// migration removes them all; the documented rebuild (the last statement of docs/schema.sql) repairs a tampered table.
/// </summary>
public sealed class FlatReadsMigrationTest
{
    [Fact]
    public async Task The_migration_that_adds_the_latest_rows_fills_them_from_the_stored_values_and_keeps_them_after()
    {
        var connectionString = await PreviousVersionAsync();
        var (member, definition) = await ValuesAsync(connectionString);

        await MigrateAsync(connectionString, down: false);

        Assert.Equal(SeedSchema.WithDefaults.Columns, await CatalogSnapshot.ColumnsAsync(connectionString));
        Assert.Equal(SeedSchema.WithDefaults.Triggers, await CatalogSnapshot.TriggersAsync(connectionString));
        Assert.Equal(SeedSchema.WithDefaults.Indexes, await CatalogSnapshot.IndexesAsync(connectionString));
        Assert.NotEmpty(await LatestValuesOracle.StoredAsync(connectionString));
        await using (var source = NpgsqlDataSource.Create(connectionString))
        {
            // The 99999's (g % 7 = 0) of both members: decided by the migration, then checked value by value by the oracle.
            await using var count = source.CreateCommand("SELECT count(*) FROM member_metrics WHERE NOT plausible");
            Assert.Equal(10L, await count.ExecuteScalarAsync());
        }

        await LatestValuesOracle.AssertKeptAsync(connectionString);
        await TestServer.ExecuteAsync(connectionString, $"INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES (gen_random_uuid(), '{member}', '{definition}', 101, 'kg')");
        await LatestValuesOracle.AssertKeptAsync(connectionString);
    }

    [Fact]
    public async Task Its_down_migration_removes_the_columns_the_index_the_functions_and_the_triggers_and_writes_still_work()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_flat_reads_down");
        var (member, definition) = await ValuesAsync(connectionString);

        await MigrateAsync(connectionString, down: true);

        Assert.Empty(await CatalogSnapshot.TriggersAsync(connectionString));
        Assert.Empty(await CatalogSnapshot.FunctionsAsync(connectionString));
        Assert.Equal([.. SeedSchema.WithDefaults.Columns.Where(column => !column.StartsWith("member_metrics_latest.", StringComparison.Ordinal)
            && !column.Contains(" GENERATED", StringComparison.Ordinal) && !column.StartsWith("member_metrics.plausible", StringComparison.Ordinal))], await CatalogSnapshot.ColumnsAsync(connectionString));
        Assert.DoesNotContain(await CatalogSnapshot.IndexesAsync(connectionString), index => index.StartsWith(SchemaNames.MemberMetrics.AmountIndex, StringComparison.Ordinal));
        await TestServer.ExecuteAsync(connectionString, $"INSERT INTO member_metrics (id, member_id, definition_id, value, unit) VALUES (gen_random_uuid(), '{member}', '{definition}', 101, 'kg')");
    }

    [Fact]
    public async Task The_documented_rebuild_repairs_latest_rows_that_were_altered_or_removed()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_flat_reads_rebuild");
        await ValuesAsync(connectionString);
        await TestServer.ExecuteAsync(connectionString, """
            UPDATE member_metrics_latest SET base_amount = 999 WHERE source = 'coach_input';
            DELETE FROM member_metrics_latest WHERE source = 'self_report';
            """);
        Assert.NotEqual(await LatestValuesOracle.ExpectedAsync(connectionString), await LatestValuesOracle.StoredAsync(connectionString));

        // docs/scaling.md: writers locked out, the table emptied, then the last statement of docs/schema.sql.
        var schema = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "schema.sql"));
        var rebuild = schema[schema.LastIndexOf("INSERT INTO \"member_metrics_latest\"", StringComparison.Ordinal)..];
        Assert.Equal(Normalize(FlatReadsSql.Rebuild(schema: null)), Normalize(rebuild));
        await TestServer.ExecuteAsync(connectionString, $"BEGIN; LOCK TABLE member_metrics IN SHARE MODE; TRUNCATE member_metrics_latest; {rebuild} COMMIT;");

        await LatestValuesOracle.AssertKeptAsync(connectionString);
    }

    // A database of the version before the flat reads: the default schema without its table, columns, index or triggers.
    private static async Task<string> PreviousVersionAsync()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_flat_reads_up");
        await TestServer.ExecuteAsync(connectionString, string.Join(";\n", FlatReadsSql.Uninstall(schema: null)) + ";\nDROP TABLE member_metrics_latest;");
        return connectionString;
    }

    // Values of two members, in two organizations and none, kg and lb, some implausible, written as other tools would.
    private static async Task<(Guid Member, Guid Definition)> ValuesAsync(string connectionString)
    {
        var (member, other, gym, definition) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await TestServer.ExecuteAsync(connectionString, $$"""
            INSERT INTO users (id) VALUES ('{{member}}'), ('{{other}}');
            INSERT INTO organizations (id) VALUES ('{{gym}}');
            INSERT INTO metric_definitions (id, slug, name_i18n, unit, kind) VALUES ('{{definition}}', 'squat_{{definition:N}}', '{"en": "Squat"}', 'kg', 'one_rep_max');
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id)
            SELECT gen_random_uuid(), m, '{{definition}}', CASE WHEN g % 7 = 0 THEN 99999 ELSE 50 + g END, CASE WHEN g % 3 = 0 THEN 'lb' ELSE 'kg' END::metric_unit,
                   TIMESTAMPTZ '2026-01-01Z' + g * interval '1 hour',
                   (ARRAY['coach_input', 'self_report', NULL])[1 + g % 3], CASE WHEN g % 2 = 0 THEN '{{gym}}'::uuid END
            FROM unnest(ARRAY['{{member}}', '{{other}}']::uuid[]) AS m CROSS JOIN generate_series(1, 40) AS g;
            """);
        return (member, definition);
    }

    // What `dotnet ef migrations add` makes of the flat reads (the table and its index), or of their removal, run as a
    // migration runs it: the SQL of UseMetricSets()'s generator, in one transaction.
    private static async Task MigrateAsync(string connectionString, bool down)
    {
        await using var context = new TestDbContext(TestServer.Options<TestDbContext>(connectionString));
        var all = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        MigrationOperation[] operations = down
            ? [new DropIndexOperation { Name = SchemaNames.LatestValues.RankIndex, Table = SchemaNames.LatestValues.Table }, new DropTableOperation { Name = SchemaNames.LatestValues.Table }]
            :
            [
                .. all.OfType<CreateTableOperation>().Where(operation => operation.Name == SchemaNames.LatestValues.Table),
                .. all.OfType<CreateIndexOperation>().Where(operation => operation.Table == SchemaNames.LatestValues.Table),
            ];
        Assert.Equal(2, operations.Length);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, context.Model);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var command in commands)
        {
            await using var sql = new NpgsqlCommand(command.CommandText, connection, transaction);
            await sql.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static string Normalize(string sql) => string.Join(' ', sql.Split((char[])[' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries));
}
