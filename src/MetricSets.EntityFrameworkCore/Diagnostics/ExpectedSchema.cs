using System.Runtime.CompilerServices;
using MetricSets.EntityFrameworkCore.Mapping;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// What a host model says the database must hold for the library: its tables with every column the model maps (the
/// provenance column when the model has it, and with it the flat reads' <c>member_metrics_latest</c> and the two columns
/// they add to <c>member_metrics</c> and <c>metric_definitions</c>), its two enum types with their labels, and with the flat reads the triggers on
/// member_metrics and metric_definitions that decide plausibility and keep the latest rows (without them the leaderboards of
/// large organizations would silently rank stale values, and reads would report values the rules refuse). Built once per model.
/// </summary>
internal sealed class ExpectedSchema
{
    private static readonly ConditionalWeakTable<IModel, ExpectedSchema> Cache = [];

    private ExpectedSchema(DbContext context)
    {
        var tables = MetricSetsTables.Of(context);
        var latest = context.Model.FindEntityType(LatestValuesConfiguration.EntityName);
        Tables =
        [
            latest is null
                ? Table<MetricDefinition>(context.Model, tables.Definitions)
                : With(Table<MetricDefinition>(context.Model, tables.Definitions), SchemaNames.Definitions.PlausibleUnits, SchemaNames.Definitions.PlausibleMaximum),
            Table<MetricSet>(context.Model, tables.Sets),
            Table<MetricSetEntry>(context.Model, tables.SetDefinitions),
            latest is null
                ? Table<MemberMetric>(context.Model, tables.MemberMetrics)
                : With(Table<MemberMetric>(context.Model, tables.MemberMetrics), SchemaNames.MemberMetrics.BaseAmount, SchemaNames.MemberMetrics.Plausible),
            .. latest is null ? [] : new[] { Table(latest, tables.LatestValues) },
        ];
        var (definitions, memberMetrics) = (Tables[0], Tables[3]);
        Triggers = latest is null
            ? []
            :
            [
                new SchemaObject(
                    memberMetrics.Reference,
                    memberMetrics.DisplayName,
                    FlatReadsSql.MemberMetricsTriggers),
                new SchemaObject(definitions.Reference, definitions.DisplayName, [SchemaNames.FlatReads.DefinitionsTrigger]),
            ];

        // The labels ApplyMetricSets() declares, in the model's default schema as it declares them.
        var schema = context.Model.GetDefaultSchema();
        Enums =
        [
            new SchemaObject(tables.UnitType, Qualified(schema, SchemaNames.UnitEnum), PostgresEnumLabels.Units),
            new SchemaObject(tables.KindType, Qualified(schema, SchemaNames.KindEnum), PostgresEnumLabels.Kinds),
        ];
    }

    /// <summary>Gets the tables, with their columns as items.</summary>
    public IReadOnlyList<SchemaObject> Tables { get; }

    /// <summary>Gets the enum types, with their labels as items.</summary>
    public IReadOnlyList<SchemaObject> Enums { get; }

    /// <summary>Gets the tables that must carry enabled triggers of the library's, with the triggers' names as items.</summary>
    public IReadOnlyList<SchemaObject> Triggers { get; }

    /// <summary>Returns what <paramref name="context"/>'s model expects.</summary>
    public static ExpectedSchema Of(DbContext context) => Cache.GetValue(context.Model, _ => new ExpectedSchema(context));

    private static SchemaObject Table<TEntity>(IModel model, string reference) => Table(model.FindEntityType(typeof(TEntity))!, reference);

    private static SchemaObject Table(IEntityType entityType, string reference)
    {
        var columns = entityType.GetTableMappings().SelectMany(mapping => mapping.Table.Columns).Select(column => column.Name).Distinct().ToArray();
        return new SchemaObject(reference, Qualified(entityType.GetSchema(), entityType.GetTableName()!), columns);
    }

    // The flat reads' columns, which the migrations SQL generator adds outside the model (FlatReadsSql).
    private static SchemaObject With(SchemaObject table, params string[] columns) => table with { Items = [.. table.Items, .. columns] };

    private static string Qualified(string? schema, string name) => schema is null ? name : $"{schema}.{name}";

    /// <summary>A table or an enum type: how SQL names it, how a message names it, and its columns or labels.</summary>
    /// <param name="Reference">The quoted, qualified name, for <c>to_regclass</c> and <c>to_regtype</c>.</param>
    /// <param name="DisplayName">The name for messages: <c>member_metrics</c>, <c>gym.metric_unit</c>.</param>
    /// <param name="Items">The columns or labels.</param>
    public sealed record SchemaObject(string Reference, string DisplayName, IReadOnlyList<string> Items);
}
