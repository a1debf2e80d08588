using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Npgsql's migrations SQL generator, plus the DDL of the flat reads that the model cannot express
/// (<see cref="FlatReadsSql"/>): after the operations of a migration that creates <c>member_metrics_latest</c>, the
/// base-amount function and index, the triggers and the backfill; before one that drops it, their removal.
/// <c>UseMetricSets()</c> puts it in place of Npgsql's, so migrations, scripts and <c>EnsureCreated</c> all carry it.
/// </summary>
/// <remarks>
/// Appended after every operation of the migration rather than after the table's creation, because EF Core orders new
/// columns and indexes after new tables, and the backfill reads <c>member_metrics</c> as the migration leaves it.
/// </remarks>
#pragma warning disable EF1001 // Npgsql's generator takes its singleton options from an .Internal namespace; only passed through.
internal sealed class MetricSetsMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies,
    Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal.INpgsqlSingletonOptions npgsqlSingletonOptions)
    : NpgsqlMigrationsSqlGenerator(dependencies, npgsqlSingletonOptions)
#pragma warning restore EF1001
{
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var dropped = operations.OfType<DropTableOperation>().Where(operation => operation.Name == SchemaNames.LatestValues.Table).ToList();
        var created = operations.OfType<CreateTableOperation>().Where(operation => operation.Name == SchemaNames.LatestValues.Table).ToList();
        var commands = base.Generate(operations, model, options);
        if (dropped.Count == 0 && created.Count == 0)
        {
            return commands;
        }

        return
        [
            .. Commands(dropped.SelectMany(operation => FlatReadsSql.Uninstall(operation.Schema))),
            .. commands,
            .. Commands(created.SelectMany(operation => FlatReadsSql.Install(operation.Schema))),
        ];
    }

    private IReadOnlyList<MigrationCommand> Commands(IEnumerable<string> statements)
    {
        var builder = new MigrationCommandListBuilder(Dependencies);
        foreach (var statement in statements)
        {
            builder.Append(statement).AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator).EndCommand();
        }

        return builder.GetCommandList();
    }
}
