namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// One public operation of the library, as telemetry names it: <see cref="Name"/> is the <c>metricsets.operation</c> tag,
/// <see cref="SpanName"/> the span's name. Names are stable: dashboards and alerts are built on them.
/// </summary>
internal sealed class MetricSetsOperation
{
    private MetricSetsOperation(string name)
    {
        Name = name;
        SpanName = $"metricsets.{name}";
    }

    /// <summary>Gets the operation's name, in snake_case: <c>record</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the span's name: <c>metricsets.record</c>.</summary>
    public string SpanName { get; }

    // IMetricCatalog
    public static MetricSetsOperation CreateDefinition { get; } = new("create_definition");

    public static MetricSetsOperation EnsureDefinitions { get; } = new("ensure_definitions");

    public static MetricSetsOperation GetDefinition { get; } = new("get_definition");

    public static MetricSetsOperation FindDefinition { get; } = new("find_definition");

    public static MetricSetsOperation ListDefinitions { get; } = new("list_definitions");

    public static MetricSetsOperation RenameDefinition { get; } = new("rename_definition");

    public static MetricSetsOperation DescribeDefinition { get; } = new("describe_definition");

    public static MetricSetsOperation DeleteDefinition { get; } = new("delete_definition");

    // IMetricSetService
    public static MetricSetsOperation CreateSet { get; } = new("create_set");

    public static MetricSetsOperation GetSet { get; } = new("get_set");

    public static MetricSetsOperation ListSets { get; } = new("list_sets");

    public static MetricSetsOperation RenameSet { get; } = new("rename_set");

    public static MetricSetsOperation AddSetDefinition { get; } = new("add_set_definition");

    public static MetricSetsOperation RemoveSetDefinition { get; } = new("remove_set_definition");

    public static MetricSetsOperation MoveSetDefinition { get; } = new("move_set_definition");

    public static MetricSetsOperation DeleteSet { get; } = new("delete_set");

    // IMemberMetricRecorder
    public static MetricSetsOperation Record { get; } = new("record");

    public static MetricSetsOperation RecordMany { get; } = new("record_many");

    public static MetricSetsOperation DeleteValue { get; } = new("delete_value");

    // IMemberMetricReader
    public static MetricSetsOperation GetLatest { get; } = new("get_latest");

    public static MetricSetsOperation FindLatest { get; } = new("find_latest");

    public static MetricSetsOperation GetLast { get; } = new("get_last");

    public static MetricSetsOperation GetPersonalBests { get; } = new("get_personal_bests");

    public static MetricSetsOperation GetHistory { get; } = new("get_history");

    // IMetricSetResolver
    public static MetricSetsOperation ResolveSet { get; } = new("resolve_set");

    // ILeaderboardReader
    public static MetricSetsOperation GetLeaderboard { get; } = new("get_leaderboard");

    public override string ToString() => Name;
}
