using MetricSets.EntityFrameworkCore.Commands;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using MetricSets.EntityFrameworkCore.Replicas;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// The <see cref="IMetricCatalog"/> over the host's context: reads are untracked queries, writes are statements of the
/// library's own, so nothing is left in the host's change tracker and the host's pending changes are never saved.
/// </summary>
internal sealed class MetricCatalog<TContext>(TContext context, ReadSession<TContext> session) : IMetricCatalog
    where TContext : DbContext
{
    private const MetricEntity Entity = MetricEntity.MetricDefinition;

    private IQueryable<MetricDefinition> Definitions => context.Set<MetricDefinition>().AsNoTracking();

    public async Task<MetricDefinition> CreateAsync(CatalogEntry entry, CancellationToken cancellationToken = default)
    {
        var definition = ToDefinition(entry, nameof(CatalogEntry.Name));
        session.Wrote();
        return await DefinitionCommands.InsertAsync(context, [definition], cancellationToken).ConfigureAwait(false) == 1
            ? definition
            : throw SlugTaken(definition.Slug);
    }

    public async Task<int> EnsureAsync(IEnumerable<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var wanted = entries.Select(entry => ToDefinition(entry, nameof(entries))).DistinctBy(definition => definition.Slug).ToList();

        // One statement: slugs already there (or added concurrently) are left exactly as they are.
        session.Wrote();
        return wanted.Count == 0 ? 0 : await DefinitionCommands.InsertAsync(context, wanted, cancellationToken).ConfigureAwait(false);
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
        await Definitions.OrderBy(d => d.Slug).ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<MetricDefinition> RenameAsync(MetricDefinitionId id, LocalizedName name, CancellationToken cancellationToken = default)
    {
        var rebased = ModelSettings.Rebase(context, name, nameof(name));
        return ChangeAsync(id, definition => definition.Rename(rebased), cancellationToken);
    }

    public Task<MetricDefinition> DescribeAsync(MetricDefinitionId id, string? description, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, definition => definition.Describe(description), cancellationToken);

    public async Task DeleteAsync(MetricDefinitionId id, CancellationToken cancellationToken = default)
    {
        DefinitionCommands.DeleteResult result;
        session.Wrote();
        try
        {
            result = await DefinitionCommands.DeleteAsync(context, id, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // A set or a value referenced it between the statement's check and its delete: the RESTRICT keys refused.
            throw new MetricConflictException(
                MetricErrorCode.DefinitionInUse, $"The metric definition {id} was just referenced by a new metric set or value and cannot be deleted.", exception);
        }

        if (result.Slug is null)
        {
            throw new MetricNotFoundException(Entity, id);
        }

        if (!result.Deleted)
        {
            throw InUse(result.Slug, result.SetCount, result.HasValues);
        }

        MetricSetsTables.Of(context).KnownDefinitions.Forget(id);
    }

    // The domain changes an untracked copy (and validates), then one statement stores the name and description.
    private async Task<MetricDefinition> ChangeAsync(MetricDefinitionId id, Action<MetricDefinition> change, CancellationToken cancellationToken)
    {
        var definition = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        change(definition);
        session.Wrote();
        return await DefinitionCommands.UpdateAsync(context, definition, cancellationToken).ConfigureAwait(false)
            ? definition
            : throw new MetricNotFoundException(Entity, id);
    }

    private MetricDefinition ToDefinition(CatalogEntry entry, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entry, parameterName);
        return MetricDefinition.Create(entry.Slug, ModelSettings.Rebase(context, entry.Name, parameterName), entry.Unit, entry.Kind, entry.Description);
    }

    private static MetricConflictException SlugTaken(MetricSlug slug) =>
        new(MetricErrorCode.SlugInUse, $"A metric definition with the slug '{slug}' already exists; slugs are unique across the catalogue.");

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

        return new MetricConflictException(MetricErrorCode.DefinitionInUse, $"The metric definition '{slug}' is {string.Join(" and ", uses)} and cannot be deleted.");
    }
}
