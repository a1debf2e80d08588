using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Data;

/// <summary>
/// Creates one database per <see cref="BenchShape"/> and fills it through binary COPY, once: a marker row written last
/// says the database is complete, and a complete database is reused by every later run.
/// </summary>
public static class BenchDatabase
{
    /// <summary>Bumped whenever the generated data changes, so older databases are regenerated.</summary>
    private const int GeneratorVersion = 3;

    private static readonly string[] Sources = ["coach_input", "self_report", "workout_result"];
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Returns the connection string of <paramref name="shape"/>'s database, generating it when missing or incomplete.</summary>
    public static async Task<string> EnsureAsync(BenchShape shape)
    {
        var connectionString = await BenchServer.ConnectionStringForAsync(shape.DatabaseName).ConfigureAwait(false);
        var script = SchemaScript(connectionString);
        var schemaHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
        if (await IsCompleteAsync(shape, schemaHash, connectionString).ConfigureAwait(false))
        {
            return connectionString;
        }

        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine($"// Generating {shape.DatabaseName}: {shape.ActualRows:N0} rows, {shape.Members:N0} members, depth {shape.Depth}");
        var admin = await BenchServer.ConnectionStringForAsync("postgres").ConfigureAwait(false);
        await using (var adminSource = NpgsqlDataSource.Create(admin))
        {
            await ExecuteAsync(adminSource, $"DROP DATABASE IF EXISTS {shape.DatabaseName} WITH (FORCE)").ConfigureAwait(false);
            await ExecuteAsync(adminSource, $"CREATE DATABASE {shape.DatabaseName}").ConfigureAwait(false);
        }

        await CreateSchemaAsync(connectionString, script).ConfigureAwait(false);
        var builder = new NpgsqlDataSourceBuilder(connectionString).MapMetricEnums();
        builder.ConnectionStringBuilder.CommandTimeout = 0;
        await using var source = builder.Build();
        await LoadCatalogAsync(source, shape).ConfigureAwait(false);
        var timings = await LoadMemberMetricsAsync(source, shape).ConfigureAwait(false);
        await ExecuteAsync(source, $"""
            CREATE TABLE bench_marker (
                generator_version int NOT NULL, schema_hash text NOT NULL, rows int NOT NULL, depth int NOT NULL, actual_rows bigint NOT NULL,
                members int NOT NULL, organization_members int NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(),
                generation_seconds double precision NOT NULL, timings text NOT NULL);
            INSERT INTO bench_marker (generator_version, schema_hash, rows, depth, actual_rows, members, organization_members, generation_seconds, timings)
            VALUES ({GeneratorVersion}, '{schemaHash}', {shape.Rows}, {shape.Depth}, {shape.ActualRows}, {shape.Members}, {shape.OrganizationMembers},
                    {stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}, '{timings}');
            """).ConfigureAwait(false);
        Console.WriteLine($"// Generated {shape.DatabaseName} in {stopwatch.Elapsed.TotalSeconds:F0} s ({timings})");
        return connectionString;
    }

    /// <summary>
    /// (Re)creates the database <paramref name="name"/> with the schema, the users and the catalogue of
    /// <paramref name="shape"/> but no member_metrics rows: the table the write benchmarks fill.
    /// </summary>
    public static async Task<string> CreateEmptyAsync(string name, BenchShape shape)
    {
        var connectionString = await BenchServer.ConnectionStringForAsync(name).ConfigureAwait(false);
        var admin = await BenchServer.ConnectionStringForAsync("postgres").ConfigureAwait(false);
        await using (var adminSource = NpgsqlDataSource.Create(admin))
        {
            await ExecuteAsync(adminSource, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
            await ExecuteAsync(adminSource, $"CREATE DATABASE {name}").ConfigureAwait(false);
        }

        await CreateSchemaAsync(connectionString, SchemaScript(connectionString)).ConfigureAwait(false);
        await using var source = new NpgsqlDataSourceBuilder(connectionString).MapMetricEnums().Build();
        await LoadCatalogAsync(source, shape).ConfigureAwait(false);
        return connectionString;
    }

    private static async Task<bool> IsCompleteAsync(BenchShape shape, string schemaHash, string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM bench_marker WHERE generator_version = $1 AND rows = $2 AND depth = $3 AND actual_rows = $4 AND schema_hash = $5",
                connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = GeneratorVersion });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shape.Rows });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shape.Depth });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = shape.ActualRows });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schemaHash });
            return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))! == 1;
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    // The library's own DDL, generated from the model (docs/schema.sql is the same text); its hash is in the marker, so a
    // model change regenerates the data.
    private static string SchemaScript(string connectionString)
    {
        using var context = new BenchDbContext(BenchDbContext.Options(connectionString));
        return context.Database.GenerateCreateScript();
    }

    private static async Task CreateSchemaAsync(string connectionString, string script)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await ExecuteAsync(source, """
            CREATE TABLE users (id uuid PRIMARY KEY);
            CREATE TABLE workouts (id uuid PRIMARY KEY);
            CREATE TABLE organizations (id uuid PRIMARY KEY);
            """).ConfigureAwait(false);
        await ExecuteAsync(source, script).ConfigureAwait(false);
    }

    private static async Task LoadCatalogAsync(NpgsqlDataSource source, BenchShape shape)
    {
        await using var connection = await source.OpenConnectionAsync().ConfigureAwait(false);
        await using (var users = await connection.BeginBinaryImportAsync("COPY users (id) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            for (var member = 0; member < shape.Members; member++)
            {
                await users.WriteRowAsync(default, BenchCatalog.MemberId(member)).ConfigureAwait(false);
            }

            await users.WriteRowAsync(default, BenchCatalog.StaffId).ConfigureAwait(false);
            await users.CompleteAsync().ConfigureAwait(false);
        }

        // The organizations' members and the staff user (staff of each), as the host's memberships table holds them.
        await using (var memberships = await connection.BeginBinaryImportAsync(
            "COPY memberships (user_id, organization_id, role) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            for (var organization = 0; organization < shape.OrganizationSizes.Count; organization++)
            {
                foreach (var member in shape.OrganizationMemberIds(organization))
                {
                    await memberships.WriteRowAsync(default, member, BenchCatalog.OrganizationIdAt(organization), "member").ConfigureAwait(false);
                }

                await memberships.WriteRowAsync(default, BenchCatalog.StaffId, BenchCatalog.OrganizationIdAt(organization), "staff").ConfigureAwait(false);
            }

            await memberships.CompleteAsync().ConfigureAwait(false);
        }

        await using (var definitions = await connection.BeginBinaryImportAsync(
            "COPY metric_definitions (id, slug, name_i18n, unit, kind) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var definition in BenchCatalog.Definitions)
            {
                await definitions.StartRowAsync().ConfigureAwait(false);
                await definitions.WriteAsync(definition.Id).ConfigureAwait(false);
                await definitions.WriteAsync(definition.Slug).ConfigureAwait(false);
                await definitions.WriteAsync(
                    $$"""{"en": "{{definition.Name}}", "he": "{{definition.Name}} (he)", "ru": "{{definition.Name}} (ru)"}""",
                    NpgsqlDbType.Jsonb).ConfigureAwait(false);
                await definitions.WriteAsync(definition.Unit).ConfigureAwait(false);
                await definitions.WriteAsync(definition.Kind).ConfigureAwait(false);
            }

            await definitions.CompleteAsync().ConfigureAwait(false);
        }

        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("INSERT INTO organizations (id) SELECT unnest($1::uuid[])")
                {
                    Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = [.. shape.OrganizationSizes.Select((_, index) => BenchCatalog.OrganizationIdAt(index))] } },
                },
                new("INSERT INTO metric_sets (id, name, organization_id) VALUES ($1, 'Benchmark set', $2)")
                {
                    Parameters = { new NpgsqlParameter<Guid> { TypedValue = BenchCatalog.SetId }, new NpgsqlParameter<Guid> { TypedValue = BenchCatalog.OrganizationId } },
                },
                new("INSERT INTO metric_set_definitions (set_id, definition_id, sort_order) SELECT $1, d.id, d.ord::int FROM unnest($2::uuid[]) WITH ORDINALITY AS d(id, ord)")
                {
                    Parameters = { new NpgsqlParameter<Guid> { TypedValue = BenchCatalog.SetId }, new NpgsqlParameter<Guid[]> { TypedValue = [.. BenchCatalog.SetDefinitions.Select(d => d.Id)] } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<string> LoadMemberMetricsAsync(NpgsqlDataSource source, BenchShape shape)
    {
        await using var connection = await source.OpenConnectionAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'").ConfigureAwait(false);

        // Drop the keys and indexes the model created, load, then re-create them from their own definitions.
        var constraints = new List<(string Name, string Definition, char Type)>();
        await using (var command = new NpgsqlCommand(
            "SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint WHERE conrelid = 'member_metrics'::regclass ORDER BY contype DESC", connection))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetChar(2)));
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'member_metrics' AND indexname NOT IN (SELECT conname FROM pg_constraint)", connection))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _, _) in constraints)
        {
            await ExecuteAsync(connection, $"ALTER TABLE member_metrics DROP CONSTRAINT {name}").ConfigureAwait(false);
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}").ConfigureAwait(false);
        }

        // The flat reads' triggers would keep member_metrics_latest row by row of the COPY; it is rebuilt once afterwards,
        // with the documented rebuild (the backfill of the migration that creates it).
        await ExecuteAsync(connection, "ALTER TABLE member_metrics DISABLE TRIGGER USER").ConfigureAwait(false);
        var copy = Stopwatch.StartNew();
        var members = Enumerable.Range(0, shape.Members).Select(BenchCatalog.MemberId).ToArray();
        var strength = Enumerable.Range(0, shape.Members).Select(m => 0.7 + (0.6 * ((m * 7919) % 1000) / 1000.0)).ToArray();
        var random = new Random(shape.Rows ^ (shape.Depth * 7_919));
        var spacing = TimeSpan.FromDays(shape.Depth <= 100 ? 7 : 2);
        var definitions = BenchCatalog.Definitions;
        long written = 0;
        // The organizations' members' values were recorded there (restricted provenance, the default); the others' elsewhere.
        var recordedIn = Enumerable.Range(0, shape.Members).Select(member => shape.OrganizationOf(member)).Select(o => o < 0 ? (Guid?)null : BenchCatalog.OrganizationIdAt(o)).ToArray();
        await using (var importer = connection.BeginBinaryImport(
            "COPY member_metrics (id, member_id, definition_id, value, unit, recorded_at, source, organization_id) FROM STDIN (FORMAT BINARY)"))
        {
            importer.Timeout = TimeSpan.Zero;

            // Time-major order: a member's values are spread over the table as they would be after years of use.
            for (var step = 0; step < shape.Depth; step++)
            {
                var progress = 0.85 + (0.3 * step / shape.Depth);
                for (var member = 0; member < members.Length; member++)
                {
                    for (var d = 0; d < definitions.Count; d++)
                    {
                        var definition = definitions[d];
                        var recordedAt = Start + (spacing * step) + TimeSpan.FromSeconds(random.Next(0, 86_400));
                        var amount = (double)definition.Typical * strength[member] * progress * (0.95 + (0.1 * random.NextDouble()));
                        var unit = definition.Unit;
                        if (definition.MixedUnits && random.Next(100) < 35)
                        {
                            unit = MetricUnit.Pound;
                            amount /= 0.45359237;
                        }

                        var value = unit == MetricUnit.Repetition ? Math.Round((decimal)amount) : Math.Round((decimal)amount, 1);
                        var sourceIndex = random.Next(4);
                        importer.StartRow();
                        importer.Write(Guid.CreateVersion7(recordedAt), NpgsqlDbType.Uuid);
                        importer.Write(members[member], NpgsqlDbType.Uuid);
                        importer.Write(definition.Id, NpgsqlDbType.Uuid);
                        importer.Write(value, NpgsqlDbType.Numeric);
                        importer.Write(unit);
                        importer.Write(recordedAt, NpgsqlDbType.TimestampTz);
                        if (sourceIndex < Sources.Length)
                        {
                            importer.Write(Sources[sourceIndex], NpgsqlDbType.Varchar);
                        }
                        else
                        {
                            importer.WriteNull();
                        }

                        if (recordedIn[member] is { } organization)
                        {
                            importer.Write(organization, NpgsqlDbType.Uuid);
                        }
                        else
                        {
                            importer.WriteNull();
                        }

                        if (++written % 1_000_000 == 0)
                        {
                            Console.WriteLine($"//   {written:N0} rows copied ({copy.Elapsed.TotalSeconds:F0} s)");
                        }
                    }
                }
            }

            importer.Complete();
        }

        var copySeconds = copy.Elapsed.TotalSeconds;
        var build = Stopwatch.StartNew();
        foreach (var (name, definition, _) in constraints.Where(c => c.Type != 'f'))
        {
            await ExecuteAsync(connection, $"ALTER TABLE member_metrics ADD CONSTRAINT {name} {definition}").ConfigureAwait(false);
        }

        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition).ConfigureAwait(false);
        }

        foreach (var (name, definition, _) in constraints.Where(c => c.Type == 'f'))
        {
            await ExecuteAsync(connection, $"ALTER TABLE member_metrics ADD CONSTRAINT {name} {definition}").ConfigureAwait(false);
        }

        var buildSeconds = build.Elapsed.TotalSeconds;
        await ExecuteAsync(connection, "ALTER TABLE member_metrics ENABLE TRIGGER USER").ConfigureAwait(false);
        var latest = Stopwatch.StartNew();
        await ExecuteAsync(connection, $"TRUNCATE member_metrics_latest; {MetricSets.EntityFrameworkCore.Mapping.FlatReadsSql.Rebuild(schema: null)}").ConfigureAwait(false);
        var latestSeconds = latest.Elapsed.TotalSeconds;
        var vacuum = Stopwatch.StartNew();

        // Vacuumed and analyzed now, so autovacuum has nothing left to do during the measurements.
        await ExecuteAsync(connection, "VACUUM (ANALYZE)").ConfigureAwait(false);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"copy {copySeconds:F0} s, keys and indexes {buildSeconds:F0} s, latest rows rebuilt {latestSeconds:F0} s, vacuum analyze {vacuum.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
