using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// The quoted, schema-qualified names of the library's tables in one host model, for hand-written SQL. A host's
/// default schema moves our tables, so the names come from the model, once per model.
/// </summary>
internal sealed class MetricSetsTables
{
    private static readonly ConditionalWeakTable<IModel, MetricSetsTables> Cache = [];
    private readonly ConcurrentDictionary<string, string> _sql = new();

    private MetricSetsTables(IModel model)
    {
        Definitions = Qualified<MetricDefinition>(model);
        Sets = Qualified<MetricSet>(model);
        SetDefinitions = Qualified<MetricSetEntry>(model);
        MemberMetrics = Qualified<MemberMetric>(model);
        Provenance = ModelSettings.Provenance(model);
    }

    public string Definitions { get; }

    public string Sets { get; }

    public string SetDefinitions { get; }

    public string MemberMetrics { get; }

    /// <summary>Gets whether member_metrics has the organization_id column and whether staff reads honour it.</summary>
    public MemberMetricProvenance Provenance { get; }

    /// <summary>The six columns of a reading from <paramref name="alias"/>; organization_id is NULL without provenance.</summary>
    public string ReadingColumns(string alias) =>
        $"{alias}.id, {alias}.value, {alias}.unit, {alias}.recorded_at, {alias}.source, "
        + (Provenance == MemberMetricProvenance.None ? "NULL::uuid" : $"{alias}.{SchemaNames.MemberMetrics.RecordedIn}");

    /// <summary>
    /// The row filter of restricted provenance, keyed on the parameter <paramref name="parameter"/> (the organization a
    /// staff viewer is confined to, or NULL for no confinement): values recorded there, plus the member's self-reports.
    /// Empty when the host did not opt into <see cref="MemberMetricProvenance.Restrict"/>.
    /// </summary>
    public string VisibleRows(string alias, string parameter) =>
        Provenance == MemberMetricProvenance.Restrict
            ? $" AND ({parameter}::uuid IS NULL OR {alias}.{SchemaNames.MemberMetrics.RecordedIn} = {parameter} OR {alias}.source = 'self_report')"
            : string.Empty;

    /// <summary>Gets the SQL text named <paramref name="key"/> for these tables, built once.</summary>
    public string Sql(string key, Func<MetricSetsTables, string> build) => _sql.GetOrAdd(key, _ => build(this));

    public static MetricSetsTables Of(DbContext context) => Cache.GetValue(context.Model, model => new MetricSetsTables(model));

    private static string Qualified<TEntity>(IModel model)
    {
        var entityType = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException("The context's model has no MetricSets tables: call modelBuilder.ApplyMetricSets() in OnModelCreating.");
        var table = Quote(entityType.GetTableName()!);
        return entityType.GetSchema() is { } schema ? $"{Quote(schema)}.{table}" : table;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
