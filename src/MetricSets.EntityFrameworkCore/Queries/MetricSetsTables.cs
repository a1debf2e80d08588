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
    private readonly ConcurrentDictionary<(string File, int Line, object? Variant), string> _sql = new();

    private MetricSetsTables(IModel model)
    {
        Definitions = Qualified<MetricDefinition>(model);
        Sets = Qualified<MetricSet>(model);
        SetDefinitions = Qualified<MetricSetEntry>(model);
        MemberMetrics = Qualified<MemberMetric>(model);
        LatestValues = model.FindEntityType(LatestValuesConfiguration.EntityName) is { } latest
            ? SqlText.Qualified(latest.GetSchema(), latest.GetTableName()!)
            : string.Empty;
        Provenance = ModelSettings.Provenance(model);
        UnitType = SqlText.Qualified(model.GetDefaultSchema(), SchemaNames.UnitEnum);
        KindType = SqlText.Qualified(model.GetDefaultSchema(), SchemaNames.KindEnum);
        Users = Referenced<MemberMetric>(model, DomainFields.MetricMemberId);
        Workouts = Referenced<MetricSet>(model, DomainFields.SetWorkoutId);
        Organizations = Referenced<MetricSet>(model, DomainFields.SetOrganizationId);
    }

    public string Definitions { get; }

    public string Sets { get; }

    public string SetDefinitions { get; }

    public string MemberMetrics { get; }

    /// <summary>Gets the quoted, qualified name of <c>member_metrics_latest</c>, or an empty string without provenance (no such table).</summary>
    public string LatestValues { get; }

    /// <summary>Gets the quoted, qualified name of the <c>metric_unit</c> enum type, for casts.</summary>
    public string UnitType { get; }

    /// <summary>Gets the quoted, qualified name of the <c>metric_kind</c> enum type, for casts.</summary>
    public string KindType { get; }

    /// <summary>Gets the host's users table and its key column, as the foreign keys reference them.</summary>
    public HostTable Users { get; }

    /// <summary>Gets the host's workouts table and its key column.</summary>
    public HostTable Workouts { get; }

    /// <summary>Gets the host's organizations table and its key column.</summary>
    public HostTable Organizations { get; }

    /// <summary>Gets the definitions this process has read, by id: unit, kind and slug never change once created.</summary>
    public DefinitionCache KnownDefinitions { get; } = new();

    /// <summary>Gets whether member_metrics has the organization_id column and whether staff reads honour it.</summary>
    public MemberMetricProvenance Provenance { get; }

    /// <summary>The six columns of a reading from <paramref name="alias"/>; organization_id is NULL without provenance.</summary>
    public string ReadingColumns(string alias) =>
        $"{alias}.id, {alias}.value, {alias}.unit, {alias}.recorded_at, {alias}.source, {RecordedIn(alias)}";

    /// <summary>The provenance column in an insert's column list (with its leading comma), or nothing without provenance.</summary>
    public string RecordedInColumn =>
        Provenance == MemberMetricProvenance.None ? string.Empty : $", {SchemaNames.MemberMetrics.RecordedIn}";

    /// <summary>The provenance value <paramref name="parameter"/> in an insert's value list, or nothing without provenance.</summary>
    public string RecordedInValue(string parameter) => Provenance == MemberMetricProvenance.None ? string.Empty : $", {parameter}";

    /// <summary>The provenance column of <paramref name="alias"/>, or a typed NULL without provenance.</summary>
    public string RecordedIn(string alias) =>
        Provenance == MemberMetricProvenance.None ? "NULL::uuid" : $"{alias}.{SchemaNames.MemberMetrics.RecordedIn}";

    /// <summary>
    /// The exact base-unit amount of <paramref name="alias"/>'s value: with provenance the stored generated column
    /// <c>base_amount</c> that <c>member_metrics_member_def_amount_idx</c> indexes; without it (the seed exactly, no such
    /// column), <see cref="Queries.ReadingColumns.BaseAmount(string)"/>'s expression.
    /// </summary>
    public string BaseAmount(string alias) =>
        Provenance == MemberMetricProvenance.None ? Queries.ReadingColumns.BaseAmount(alias) : $"{alias}.{SchemaNames.MemberMetrics.BaseAmount}";

    /// <summary>
    /// Whether a read may report <paramref name="alias"/>'s value of the definition <paramref name="definition"/> (a table
    /// alias): with provenance the column <c>plausible</c>, decided when the value was written; without it,
    /// <see cref="Queries.ReadingColumns.Plausible(string, string)"/>'s expression, decided by every read.
    /// </summary>
    /// <remarks>
    /// Deciding it at write time is what keeps the reads' statements small: PostgreSQL plans a statement on every call, and
    /// the expression, per kind and dimension, was most of the planning of a latest-values read (docs/performance.md).
    /// </remarks>
    public string Plausible(string alias, string definition) => Plausible(alias, $"{definition}.kind", $"{definition}.unit");

    /// <summary>As <see cref="Plausible(string, string)"/>, with the definition's kind and unit given as SQL expressions.</summary>
    public string Plausible(string alias, string kind, string unit) =>
        Provenance == MemberMetricProvenance.None ? Queries.ReadingColumns.Plausible(alias, kind, unit) : $"{alias}.{SchemaNames.MemberMetrics.Plausible}";

    /// <summary>
    /// The row filter of restricted provenance, keyed on the statement's <c>access.grant_orgs</c> (the organizations a
    /// staff viewer's grants were made in, or NULL for a grant of everything): values recorded there, plus the member's
    /// self-reports. Empty unless the model uses <see cref="MemberMetricProvenance.Restrict"/> (the default).
    /// </summary>
    public string VisibleRows(string alias) =>
        Visible(alias, $"access.grant_orgs IS NULL OR {alias}.{SchemaNames.MemberMetrics.RecordedIn} = ANY(access.grant_orgs)");

    /// <summary>
    /// <see cref="VisibleRows"/> for a statement without an <c>access</c> row, whose grants were made in
    /// <paramref name="organization"/> (a SQL expression) alone.
    /// </summary>
    public string VisibleRowsIn(string alias, string organization) =>
        Visible(alias, $"{alias}.{SchemaNames.MemberMetrics.RecordedIn} = {organization}");

    /// <summary>
    /// <c>LEFT JOIN LATERAL (…) AS m ON true</c>: the newest <paramref name="limit"/> plausible values of
    /// <paramref name="member"/> for the definition <c>d</c> (both SQL expressions) that the grants disclose, one probe of
    /// <c>member_metrics_member_def_recorded_idx</c> whatever the history's depth. The grants are the statement's
    /// <c>access</c> row's (<see cref="VisibleRows"/>), or, without one, those made in <paramref name="grantedIn"/> alone.
    /// </summary>
    public string NewestValues(string member, string limit, string? grantedIn = null) => $"""
        LEFT JOIN LATERAL (
            SELECT {ReadingColumns("mm")}
            FROM {MemberMetrics} AS mm
            WHERE mm.member_id = {member} AND mm.definition_id = d.id{(grantedIn is null ? VisibleRows("mm") : VisibleRowsIn("mm", grantedIn))} AND {Plausible("mm", "d")}
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT {limit}) AS m ON true
        """;

    /// <summary>
    /// Gets the SQL text that <paramref name="build"/> writes for these tables, built once per call site (and
    /// <paramref name="variant"/>, a value compared by equality, for a call site that writes several).
    /// </summary>
    public string Sql(
        Func<MetricSetsTables, string> build, object? variant = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        _sql.GetOrAdd((file, line, variant), static (_, state) => state.build(state.tables), (build, tables: this));

    /// <summary>A host table the library references: its quoted, qualified name and its quoted key column.</summary>
    public sealed record HostTable(string Name, string Key);

    public static MetricSetsTables Of(DbContext context) => Of(context.Model);

    public static MetricSetsTables Of(IModel model) => Cache.GetValue(model, static model => new MetricSetsTables(model));

    // The restricted-provenance filter: values recorded where the grants were made, plus the member's self-reports.
    private string Visible(string alias, string recordedWhereGranted) =>
        Provenance == MemberMetricProvenance.Restrict ? $" AND ({recordedWhereGranted} OR {alias}.source = 'self_report')" : string.Empty;

    private static string Qualified<TEntity>(IModel model)
    {
        var entityType = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException("The context's model has no MetricSets tables: call modelBuilder.ApplyMetricSets() in OnModelCreating.");
        return SqlText.Qualified(entityType.GetSchema(), entityType.GetTableName()!);
    }

    // The principal table of the foreign key on <paramref name="field"/>: the host's own table, wherever the host put it.
    private static HostTable Referenced<TEntity>(IModel model, string field)
    {
        var foreignKey = model.FindEntityType(typeof(TEntity))!.GetForeignKeys().Single(key => key.Properties[0].Name == field);
        var principal = foreignKey.PrincipalEntityType;
        var table = StoreObjectIdentifier.Table(principal.GetTableName()!, principal.GetSchema());
        return new HostTable(
            SqlText.Qualified(principal.GetSchema(), table.Name),
            SqlText.Quote(foreignKey.PrincipalKey.Properties[0].GetColumnName(table)!));
    }
}
