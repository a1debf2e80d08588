namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>Runs each <see cref="IMetricSetService"/> call as a span (<c>metricsets.*_set</c>, …) and audits the changes of sets.</summary>
internal sealed class InstrumentedMetricSetService(IMetricSetService inner, MetricSetsTelemetry telemetry) : IMetricSetService
{
    public Task<MetricSetSnapshot> CreateAsync(
        MetricViewer actor, MetricOwner owner, string name, IEnumerable<MetricDefinitionId>? definitionIds = null, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(
            MetricSetsOperation.CreateSet,
            actor,
            () => inner.CreateAsync(actor, owner, name, definitionIds, cancellationToken),
            (_, created) => telemetry.SetChanged(actor, created.Id, "created"));

    public Task<MetricSetSnapshot> GetAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetSet, actor, () => inner.GetAsync(actor, id, cancellationToken));

    public Task<IReadOnlyList<MetricSetSnapshot>> ListByOwnerAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.ListSets, viewer, () => inner.ListByOwnerAsync(viewer, owner, cancellationToken));

    public Task<MetricSetSnapshot> RenameAsync(MetricViewer actor, MetricSetId id, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(MetricSetsOperation.RenameSet, actor, id, "renamed", () => inner.RenameAsync(actor, id, name, cancellationToken));

    public Task<MetricSetSnapshot> AddDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(MetricSetsOperation.AddSetDefinition, actor, id, "definition_added", () => inner.AddDefinitionAsync(actor, id, definitionId, cancellationToken));

    public Task<MetricSetSnapshot> RemoveDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(MetricSetsOperation.RemoveSetDefinition, actor, id, "definition_removed", () => inner.RemoveDefinitionAsync(actor, id, definitionId, cancellationToken));

    public Task<MetricSetSnapshot> MoveDefinitionAsync(
        MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, int newIndex, CancellationToken cancellationToken = default) =>
        ChangeAsync(MetricSetsOperation.MoveSetDefinition, actor, id, "definition_moved", () => inner.MoveDefinitionAsync(actor, id, definitionId, newIndex, cancellationToken));

    public Task DeleteAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.DeleteSet, actor, () => inner.DeleteAsync(actor, id, cancellationToken), _ => telemetry.SetChanged(actor, id, "deleted"));

    // A change of an existing set, audited with what changed once it succeeded.
    private Task<MetricSetSnapshot> ChangeAsync(MetricSetsOperation operation, MetricViewer actor, MetricSetId id, string change, Func<Task<MetricSetSnapshot>> call) =>
        telemetry.RunAsync(operation, actor, call, (_, _) => telemetry.SetChanged(actor, id, change));
}
