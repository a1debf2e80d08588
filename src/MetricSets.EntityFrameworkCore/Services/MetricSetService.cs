using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMetricSetService"/> over the host's context.</summary>
internal sealed class MetricSetService<TContext>(TContext context, IOptions<MetricSetsOptions> options) : IMetricSetService
    where TContext : DbContext
{
    private const string Entity = "metric set";

    private DbSet<MetricSet> Sets => context.Set<MetricSet>();

    public async Task<MetricSet> CreateAsync(
        MetricOwner owner, string name, IEnumerable<MetricDefinitionId>? definitionIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var set = MetricSet.Create(owner, name);
        var ids = definitionIds?.ToList() ?? [];
        EnsureRoom(set, ids.Count);
        foreach (var definitionId in ids)
        {
            set.Add(definitionId);
        }

        await EnsureDefinitionsExistAsync(ids, cancellationToken).ConfigureAwait(false);
        Sets.Add(set);
        await SaveAsync(set, cancellationToken).ConfigureAwait(false);
        return set;
    }

    public async Task<MetricSet> GetAsync(MetricSetId id, CancellationToken cancellationToken = default) =>
        await Sets.Include(s => s.Entries).FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw new MetricNotFoundException(Entity, id);

    public async Task<IReadOnlyList<MetricSet>> ListByOwnerAsync(MetricOwner owner, CancellationToken cancellationToken = default) =>
        await Sets.AsNoTracking().OwnedBy(owner).Include(s => s.Entries).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<MetricSet> RenameAsync(MetricSetId id, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, set => set.Rename(name), cancellationToken);

    public async Task<MetricSet> AddDefinitionAsync(MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default)
    {
        await EnsureDefinitionsExistAsync([definitionId], cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(
            id,
            set =>
            {
                EnsureRoom(set, set.Entries.Count + 1);
                set.Add(definitionId);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<MetricSet> RemoveDefinitionAsync(MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, set => set.Remove(definitionId), cancellationToken);

    public Task<MetricSet> MoveDefinitionAsync(MetricSetId id, MetricDefinitionId definitionId, int newIndex, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, set => set.Move(definitionId, newIndex), cancellationToken);

    public async Task DeleteAsync(MetricSetId id, CancellationToken cancellationToken = default)
    {
        // The database cascades to metric_set_definitions.
        var deleted = await Sets.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw new MetricNotFoundException(Entity, id);
        }
    }

    private async Task<MetricSet> ChangeAsync(MetricSetId id, Action<MetricSet> change, CancellationToken cancellationToken)
    {
        var set = await GetAsync(id, cancellationToken).ConfigureAwait(false);

        // The aggregate checks before it mutates, so a refused change leaves the tracked instance untouched.
        change(set);
        await SaveAsync(set, cancellationToken).ConfigureAwait(false);
        return set;
    }

    private void EnsureRoom(MetricSet set, int count)
    {
        var limit = options.Value.MaxDefinitionsPerSet;
        if (count > limit)
        {
            throw new MetricValidationException(
                "definitionIds", count, $"Metric set '{set.Name}' would hold {count} definitions; the limit is {limit} (MetricSetsOptions.MaxDefinitionsPerSet).");
        }
    }

    private async Task EnsureDefinitionsExistAsync(List<MetricDefinitionId> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var found = await context.Set<MetricDefinition>().Where(d => ids.Contains(d.Id)).Select(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = ids.Except(found).FirstOrDefault();
        if (!missing.IsEmpty)
        {
            throw new MetricNotFoundException("metric definition", missing);
        }
    }

    private Task SaveAsync(MetricSet set, CancellationToken cancellationToken) =>
        ChangeSaver.SaveAsync(context, error => Translate(error, set), cancellationToken);

    private static MetricSetsException? Translate(PostgresException error, MetricSet set) =>
        error.SqlState == ChangeSaver.ForeignKeyViolation
            ? error.ConstraintName switch
            {
                SchemaNames.Sets.MemberForeignKey or SchemaNames.Sets.WorkoutForeignKey or SchemaNames.Sets.OrganizationForeignKey =>
                    set.Owner.Match<MetricSetsException>(
                        member => new MetricNotFoundException("member", member),
                        workout => new MetricNotFoundException("workout", workout),
                        organization => new MetricNotFoundException("organization", organization)),
                SchemaNames.SetDefinitions.DefinitionForeignKey => new MetricNotFoundException("metric definition", "(deleted concurrently)"),
                SchemaNames.SetDefinitions.SetForeignKey => new MetricNotFoundException(Entity, set.Id),
                _ => null,
            }
            : null;
}
