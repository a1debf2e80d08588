using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMetricCatalog"/> over the host's context.</summary>
internal sealed class MetricCatalog<TContext>(TContext context) : IMetricCatalog
    where TContext : DbContext
{
    private const string Entity = "metric definition";

    private DbSet<MetricDefinition> Definitions => context.Set<MetricDefinition>();

    public async Task<MetricDefinition> CreateAsync(
        MetricSlug slug, LocalizedName name, MetricUnit unit, MetricKind kind, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var definition = MetricDefinition.Create(slug, ModelSettings.Rebase(context, name, nameof(name)), unit, kind, description);
        if (await FindBySlugAsync(slug, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw SlugTaken(slug);
        }

        Definitions.Add(definition);
        await ChangeSaver.SaveAsync(
            context,
            error => error is { SqlState: ChangeSaver.UniqueViolation, ConstraintName: SchemaNames.Definitions.SlugUnique } ? SlugTaken(slug) : null,
            cancellationToken).ConfigureAwait(false);
        return definition;
    }

    public async Task<int> EnsureAsync(IEnumerable<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var wanted = entries
            .Select(entry => MetricDefinition.Create(
                entry.Slug, ModelSettings.Rebase(context, entry.Name, nameof(entries)), entry.Unit, entry.Kind, entry.Description))
            .DistinctBy(definition => definition.Slug)
            .ToList();
        var slugs = wanted.Select(definition => definition.Slug).ToList();
        var existing = await Definitions.AsNoTracking().Where(d => slugs.Contains(d.Slug)).Select(d => d.Slug)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = wanted.Where(definition => !existing.Contains(definition.Slug)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        Definitions.AddRange(missing);
        await ChangeSaver.SaveAsync(
            context,
            error => error is { SqlState: ChangeSaver.UniqueViolation, ConstraintName: SchemaNames.Definitions.SlugUnique }
                ? new MetricConflictException("Another process added catalogue entries concurrently; run EnsureAsync again.")
                : null,
            cancellationToken).ConfigureAwait(false);
        return missing.Count;
    }

    public async Task<MetricDefinition> GetAsync(MetricDefinitionId id, CancellationToken cancellationToken = default) =>
        await Definitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw new MetricNotFoundException(Entity, id);

    public Task<MetricDefinition?> FindBySlugAsync(MetricSlug slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return Definitions.FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyList<MetricDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        await Definitions.AsNoTracking().OrderBy(d => d.Slug).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<MetricDefinition> RenameAsync(MetricDefinitionId id, LocalizedName name, CancellationToken cancellationToken = default)
    {
        var rebased = ModelSettings.Rebase(context, name, nameof(name));
        var definition = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        definition.Rename(rebased);
        await ChangeSaver.SaveAsync(context, _ => null, cancellationToken).ConfigureAwait(false);
        return definition;
    }

    public async Task<MetricDefinition> DescribeAsync(MetricDefinitionId id, string? description, CancellationToken cancellationToken = default)
    {
        var definition = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        definition.Describe(description);
        await ChangeSaver.SaveAsync(context, _ => null, cancellationToken).ConfigureAwait(false);
        return definition;
    }

    public async Task DeleteAsync(MetricDefinitionId id, CancellationToken cancellationToken = default)
    {
        var definition = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var setCount = await context.Set<MetricSetEntry>().CountAsync(e => e.DefinitionId == id, cancellationToken).ConfigureAwait(false);
        var hasValues = await context.Set<MemberMetric>().AnyAsync(m => m.DefinitionId == id, cancellationToken).ConfigureAwait(false);
        if (setCount > 0 || hasValues)
        {
            throw InUse(definition.Slug, setCount, hasValues);
        }

        Definitions.Remove(definition);

        // A set or a value may have been added since the check: the RESTRICT foreign keys still refuse the delete.
        await ChangeSaver.SaveAsync(
            context,
            error => error.SqlState == ChangeSaver.ForeignKeyViolation
                ? new MetricConflictException($"The metric definition '{definition.Slug}' was referenced by a new metric set or value ({error.ConstraintName}) and cannot be deleted.")
                : null,
            cancellationToken).ConfigureAwait(false);
    }

    private static MetricConflictException SlugTaken(MetricSlug slug) =>
        new($"A metric definition with the slug '{slug}' already exists; slugs are unique across the catalogue.");

    private static MetricConflictException InUse(MetricSlug slug, int setCount, bool hasValues)
    {
        var uses = new List<string>(2);
        if (setCount > 0)
        {
            uses.Add($"used by {setCount} metric set{(setCount == 1 ? string.Empty : "s")}");
        }

        if (hasValues)
        {
            uses.Add("has recorded member values");
        }

        return new MetricConflictException($"The metric definition '{slug}' is {string.Join(" and ", uses)} and cannot be deleted.");
    }
}
