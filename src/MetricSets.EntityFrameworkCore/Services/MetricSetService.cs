using MetricSets.EntityFrameworkCore.Access;
using MetricSets.EntityFrameworkCore.Commands;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Replicas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>
/// The <see cref="IMetricSetService"/> over the host's context. Sets are read untracked; a change is made by the domain on
/// an untracked copy (which validates it) and stored with statements of the library's own, inside a transaction that
/// locks the set's row (a savepoint of the host's transaction when there is one), so concurrent changes to one set are
/// made one after the other and a refused change leaves nothing behind.
/// </summary>
internal sealed class MetricSetService<TContext>(TContext context, MetricAccessPolicy policy, IOptions<MetricSetsOptions> options, ReadSession<TContext> session)
    : IMetricSetService
    where TContext : DbContext
{
    private const MetricEntity Entity = MetricEntity.MetricSet;

    // One access call per library call: the directory is asked each question once.
    private AccessCall BeginAccess() => policy.Begin(context);

    private IQueryable<MetricSet> Sets => context.Set<MetricSet>().AsNoTracking().Include(s => s.Entries);

    public async Task<MetricSetSnapshot> CreateAsync(
        MetricViewer actor, MetricOwner owner, string name, IEnumerable<MetricDefinitionId>? definitionIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var set = MetricSet.Create(owner, name);
        if (!await BeginAccess().CanManageSetAsync(actor, owner, cancellationToken).ConfigureAwait(false))
        {
            // The same error a missing owner produces.
            throw OwnerNotFound(owner);
        }

        var ids = definitionIds?.ToList() ?? [];
        EnsureRoom(set, ids.Count);
        foreach (var definitionId in ids)
        {
            set.Add(definitionId);
        }

        // An unknown definition is reported before an unknown owner, whatever the statements find first.
        if (ids.Count > 0)
        {
            var found = await context.Set<MetricDefinition>().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Except(found).Select(id => (MetricDefinitionId?)id).FirstOrDefault() is { } missing)
            {
                throw new MetricNotFoundException(MetricEntity.MetricDefinition, missing);
            }
        }

        session.Wrote();
        await SqlRunner.InTransactionAsync(
            context,
            set,
            static async (context, set, token) =>
            {
                if (!await SetCommands.InsertAsync(context, set, token).ConfigureAwait(false))
                {
                    throw OwnerNotFound(set.Owner);
                }

                await SaveEntriesAsync(context, set, token).ConfigureAwait(false);
                return set;
            },
            async (_, set, token) => IsStored(set, await Sets.FirstOrDefaultAsync(s => s.Id == set.Id, token).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        return MetricSetSnapshot.Of(set);
    }

    public async Task<MetricSetSnapshot> GetAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var set = await Sets.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);

        // A set the actor may not see answers like a missing one.
        return set is not null && await BeginAccess().CanSeeSetAsync(actor, set.Owner, cancellationToken).ConfigureAwait(false)
            ? MetricSetSnapshot.Of(set)
            : throw new MetricNotFoundException(Entity, id);
    }

    public async Task<IReadOnlyList<MetricSetSnapshot>> ListByOwnerAsync(MetricViewer viewer, MetricOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!await BeginAccess().CanSeeSetAsync(viewer, owner, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var sets = await Sets.OwnedBy(owner).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. sets.Select(MetricSetSnapshot.Of)];
    }

    public Task<MetricSetSnapshot> RenameAsync(MetricViewer actor, MetricSetId id, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            actor,
            id,
            set => set.Rename(name),
            static async (context, set, token) =>
            {
                if (!await SetCommands.RenameAsync(context, set, token).ConfigureAwait(false))
                {
                    throw new MetricNotFoundException(Entity, set.Id);
                }
            },
            cancellationToken);

    public Task<MetricSetSnapshot> AddDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            actor,
            id,
            set =>
            {
                EnsureRoom(set, set.Entries.Count + 1);
                set.Add(definitionId);
            },
            SaveEntriesAsync,
            cancellationToken);

    public Task<MetricSetSnapshot> RemoveDefinitionAsync(MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, set => set.Remove(definitionId), SaveEntriesAsync, cancellationToken);

    public Task<MetricSetSnapshot> MoveDefinitionAsync(
        MetricViewer actor, MetricSetId id, MetricDefinitionId definitionId, int newIndex, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, set => set.Move(definitionId, newIndex), SaveEntriesAsync, cancellationToken);

    public async Task DeleteAsync(MetricViewer actor, MetricSetId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        session.Wrote();
        var set = await Sets.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (set is null
            || !await BeginAccess().CanManageSetAsync(actor, set.Owner, cancellationToken).ConfigureAwait(false)
            || !await SetCommands.DeleteAsync(context, id, cancellationToken).ConfigureAwait(false))
        {
            throw new MetricNotFoundException(Entity, id);
        }
    }

    // Locks the set, checks the policy, lets the domain change an untracked copy, then stores it — all in one transaction.
    private async Task<MetricSetSnapshot> ChangeAsync(
        MetricViewer actor,
        MetricSetId id,
        Action<MetricSet> change,
        Func<DbContext, MetricSet, CancellationToken, Task> store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        session.Wrote();
        MetricSet? changed = null;
        var stored = await SqlRunner.InTransactionAsync(
            context,
            id,
            async (context, id, token) =>
            {
                var set = await SetCommands.LockAsync(context, id, token).ConfigureAwait(false)
                    ? await Sets.FirstOrDefaultAsync(s => s.Id == id, token).ConfigureAwait(false)
                    : null;
                if (set is null || !await BeginAccess().CanManageSetAsync(actor, set.Owner, token).ConfigureAwait(false))
                {
                    throw new MetricNotFoundException(Entity, id);
                }

                change(set);
                await store(context, set, token).ConfigureAwait(false);
                return changed = set;
            },

            // After a failed commit the change may have landed: it did when the stored set is the changed one.
            async (_, id, token) => changed is not null && IsStored(changed, await Sets.FirstOrDefaultAsync(s => s.Id == id, token).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        return MetricSetSnapshot.Of(stored);
    }

    private static bool IsStored(MetricSet changed, MetricSet? stored) =>
        stored is not null && stored.Name == changed.Name && stored.DefinitionIds.SequenceEqual(changed.DefinitionIds);

    private static async Task SaveEntriesAsync(DbContext context, MetricSet set, CancellationToken cancellationToken)
    {
        var missing = await SetCommands.SaveEntriesAsync(context, set, cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            throw new MetricNotFoundException(MetricEntity.MetricDefinition, missing[0]);
        }
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

    private static MetricNotFoundException OwnerNotFound(MetricOwner owner) =>
        owner.Match(
            member => new MetricNotFoundException(MetricEntity.Member, member),
            workout => new MetricNotFoundException(MetricEntity.Workout, workout),
            organization => new MetricNotFoundException(MetricEntity.Organization, organization));
}
