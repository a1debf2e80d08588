namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>Runs each <see cref="IMetricCatalog"/> call as a span (<c>metricsets.*_definition</c>) and audits the catalogue's changes.</summary>
internal sealed class InstrumentedMetricCatalog(IMetricCatalog inner, MetricSetsTelemetry telemetry) : IMetricCatalog
{
    public Task<MetricDefinition> CreateAsync(CatalogEntry entry, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(
            MetricSetsOperation.CreateDefinition, null, () => inner.CreateAsync(entry, cancellationToken), (_, created) => telemetry.DefinitionChanged(created.Id, "created"));

    public Task<int> EnsureAsync(IEnumerable<CatalogEntry> entries, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.EnsureDefinitions, null, () => inner.EnsureAsync(entries, cancellationToken), (_, added) => telemetry.CatalogEnsured(added));

    public Task<MetricDefinition> GetAsync(MetricDefinitionId id, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.GetDefinition, null, () => inner.GetAsync(id, cancellationToken));

    public Task<MetricDefinition?> FindBySlugAsync(MetricSlug slug, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.FindDefinition, null, () => inner.FindBySlugAsync(slug, cancellationToken));

    public Task<IReadOnlyList<MetricDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.ListDefinitions, null, () => inner.ListAsync(cancellationToken));

    public Task<MetricDefinition> RenameAsync(MetricDefinitionId id, LocalizedName name, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.RenameDefinition, null, () => inner.RenameAsync(id, name, cancellationToken), (_, _) => telemetry.DefinitionChanged(id, "renamed"));

    public Task<MetricDefinition> DescribeAsync(MetricDefinitionId id, string? description, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(
            MetricSetsOperation.DescribeDefinition, null, () => inner.DescribeAsync(id, description, cancellationToken), (_, _) => telemetry.DefinitionChanged(id, "described"));

    public Task DeleteAsync(MetricDefinitionId id, CancellationToken cancellationToken = default) =>
        telemetry.RunAsync(MetricSetsOperation.DeleteDefinition, null, () => inner.DeleteAsync(id, cancellationToken), _ => telemetry.DefinitionChanged(id, "deleted"));
}
