using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The <see cref="IMetricSetService"/> over the host's context.</summary>
internal sealed class MetricSetService<TContext>(TContext context, MetricAccessPolicy policy, IOptions<MetricSetsOptions> options) : IMetricSetService
    where TContext : DbContext
{
    private const string Entity = "metric set";

    private DbSet<MetricSet> Sets => context.Set<MetricSet>();

    public async Task<MetricSet> CreateAsync(
        MetricViewer actor, MetricOwner owner, string name, IEnumerable<MetricDefinitionId>? definitionIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var set = MetricSet.Create(owner, name);
        if (!await policy.CanManageSetAsync(actor, owner, cancellationToken).ConfigureAwait(false))
        {
            // The same error a missing owner produces through its foreign key.
            throw OwnerNotFound(owner);
        }

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

    public Task<MetricSet> GetAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default) =>
        LoadAsync(actor, id, policy.CanSeeSetAsync, cancellationToken);

    public async Task<IReadOnlyList<MetricSet>> ListByOwnerAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!await policy.CanSeeSetAsync(viewer, owner, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        return await Sets.AsNoTracking().OwnedBy(owner).Include(s => s.Entries).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<MetricSet> RenameAsync(MetricViewer actor, MetricSetId id, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, set => set.Rename(name), cancellationToken);

    public async Task<MetricSet> AddDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default)
    {
        await EnsureDefinitionsExistAsync([definitionId], cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(
            actor,
            id,
            set =>
            {
                EnsureRoom(set, set.Entries.Count + 1);
                set.Add(definitionId);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<MetricSet> RemoveDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, set => set.Remove(definitionId), cancellationToken);

    public Task<MetricSet> MoveDefinitionAsync(
        MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, int newIndex, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, set => set.Move(definitionId, newIndex), cancellationToken);

    public async Task DeleteAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default)
    {
        var set = await LoadAsync(actor, id, policy.CanManageSetAsync, cancellationToken).ConfigureAwait(false);

        // The database cascades to metric_set_definitions.
        Sets.Remove(set);
        await SaveAsync(set, cancellationToken).ConfigureAwait(false);
    }

    // Loads a set and applies the policy check; a set the actor may not see or manage answers like a missing one.
    private async Task<MetricSet> LoadAsync(
        MetricViewer actor, MetricSetId id, Func<MetricViewer, MetricOwner, CancellationToken, Task<bool>> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var set = await Sets.Include(s => s.Entries).FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (set is null || !await allowed(actor, set.Owner, cancellationToken).ConfigureAwait(false))
        {
            if (set is not null)
            {
                context.Entry(set).State = EntityState.Detached;
            }

            throw new MetricNotFoundException(Entity, id);
        }

        return set;
    }

    private async Task<MetricSet> ChangeAsync(MetricViewer actor, MetricSetId id, Action<MetricSet> change, CancellationToken cancellationToken)
    {
        var set = await LoadAsync(actor, id, policy.CanManageSetAsync, cancellationToken).ConfigureAwait(false);

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

    private static MetricNotFoundException? Translate(PostgresException error, MetricSet set) =>
        error.SqlState == ChangeSaver.ForeignKeyViolation
            ? error.ConstraintName switch
            {
                SchemaNames.Sets.MemberForeignKey or SchemaNames.Sets.WorkoutForeignKey or SchemaNames.Sets.OrganizationForeignKey => OwnerNotFound(set.Owner),
                SchemaNames.SetDefinitions.DefinitionForeignKey => new MetricNotFoundException("metric definition", "(deleted concurrently)"),
                SchemaNames.SetDefinitions.SetForeignKey => new MetricNotFoundException(Entity, set.Id),
                _ => null,
            }
            : null;

    private static MetricNotFoundException OwnerNotFound(MetricOwner owner) =>
        owner.Match(
            member => new MetricNotFoundException("member", member),
            workout => new MetricNotFoundException("workout", workout),
            organization => new MetricNotFoundException("organization", organization));
}
