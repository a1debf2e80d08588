using System.Collections.Concurrent;

namespace MetricSets.AspNetCore.Endpoints;

/// <summary>
/// The unit each definition is stored in, remembered for the life of the application, so that a read converts to the
/// request's unit preference without a second round trip to the catalogue. A definition's unit never changes — the
/// catalogue has no way to change it, and a definition created again gets a new id — so nothing here goes stale; the
/// catalogue is listed only when a read answers for a definition not seen yet, and the map holds at most the catalogue.
/// </summary>
internal sealed class DefinitionUnits
{
    private readonly ConcurrentDictionary<MetricDefinitionId, MetricUnit> _units = new();

    /// <summary>The unit to report each of <paramref name="definitionIds"/> in, under <paramref name="preference"/>.</summary>
    /// <exception cref="MetricNotFoundException">A definition was deleted after the read answered for it.</exception>
    public async ValueTask<Func<MetricDefinitionId, MetricUnit>> ForAsync(
        IEnumerable<MetricDefinitionId> definitionIds, UnitPreference preference, IMetricCatalog catalog, CancellationToken cancellationToken)
    {
        if (definitionIds.Any(id => !_units.ContainsKey(id)))
        {
            foreach (var definition in await catalog.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                _units[definition.Id] = definition.Unit;
            }
        }

        return id => _units.TryGetValue(id, out var unit) ? preference.UnitFor(unit) : throw new MetricNotFoundException(MetricEntity.MetricDefinition, id);
    }
}
