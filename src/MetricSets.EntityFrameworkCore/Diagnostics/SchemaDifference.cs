namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// How the database differs from what the model expects: what is <see cref="Missing"/> (the library cannot work: a
/// migration was not applied) and what is <see cref="Unexpected"/> (enum labels the model does not know: the database is
/// ahead of this build).
/// </summary>
/// <remarks>
/// Columns the model does not map are ignored: the library never reads them, and a host may add its own. Column types are
/// not compared, only names.
/// </remarks>
internal sealed class SchemaDifference
{
    private SchemaDifference(IReadOnlyList<string> missing, IReadOnlyList<string> unexpected) => (Missing, Unexpected) = (missing, unexpected);

    /// <summary>
    /// Gets what the model maps and the database lacks: <c>table metric_sets</c>, <c>column member_metrics.organization_id</c>,
    /// <c>label 'kg' of enum metric_unit</c>, <c>trigger member_metrics_latest_insert on member_metrics</c> (missing or disabled).
    /// </summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the enum labels the database has and the model does not: <c>label 'stone' of enum metric_unit</c>.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Compares <paramref name="stored"/> with <paramref name="expected"/>.</summary>
    public static SchemaDifference Of(ExpectedSchema expected, StoredSchema stored)
    {
        var (missing, unexpected) = (new List<string>(), new List<string>());
        foreach (var table in expected.Tables)
        {
            if (stored.ColumnsOf(table.Reference) is not { } columns)
            {
                missing.Add($"table {table.DisplayName}");
                continue;
            }

            missing.AddRange(table.Items.Where(column => !columns.Contains(column)).Select(column => $"column {table.DisplayName}.{column}"));
        }

        foreach (var type in expected.Enums)
        {
            if (stored.LabelsOf(type.Reference) is not { } labels)
            {
                missing.Add($"enum type {type.DisplayName}");
                continue;
            }

            missing.AddRange(type.Items.Where(label => !labels.Contains(label)).Select(label => Label(label, type)));
            unexpected.AddRange(labels.Except(type.Items).Order(StringComparer.Ordinal).Select(label => Label(label, type)));
        }

        foreach (var table in expected.Triggers)
        {
            var triggers = stored.TriggersOf(table.Reference);
            missing.AddRange(table.Items.Where(trigger => !triggers.Contains(trigger)).Select(trigger => $"trigger {trigger} on {table.DisplayName}"));
        }

        return new SchemaDifference(missing, unexpected);
    }

    private static string Label(string label, ExpectedSchema.SchemaObject type) => $"label '{label}' of enum {type.DisplayName}";
}
