using MetricSets;
using MetricSets.EntityFrameworkCore.Mapping;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>MetricSets query helpers over <see cref="MetricSet"/>, whose owner is stored in three private fields.</summary>
public static class MetricSetsQueryableExtensions
{
    /// <summary>Filters sets to those owned by <paramref name="owner"/>; uses the owner kind's partial index.</summary>
    /// <param name="sets">The sets to filter.</param>
    /// <param name="owner">The owner.</param>
    /// <returns>The filtered query.</returns>
    public static IQueryable<MetricSet> OwnedBy(this IQueryable<MetricSet> sets, MetricOwner owner)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(owner);

        // One branch per kind: a catch-all "column = @id OR @id IS NULL" predicate would defeat the partial indexes.
        return owner.Match(
            member => sets.Where(s => EF.Property<Guid?>(s, DomainFields.SetMemberUserId) == member.Value),
            workout => sets.Where(s => EF.Property<Guid?>(s, DomainFields.SetWorkoutId) == workout.Value),
            organization => sets.Where(s => EF.Property<Guid?>(s, DomainFields.SetOrganizationId) == organization.Value));
    }
}
