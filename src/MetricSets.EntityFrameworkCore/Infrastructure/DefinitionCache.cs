using System.Collections.Concurrent;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// The definitions a process has read, by id, so that recording validates a value without reading its definition first.
/// </summary>
/// <remarks>
/// A hint, never the truth: a definition's slug, unit and kind never change once created, and every write that relies on
/// a cached definition also checks in its own statement that the stored unit and kind are still those (a definition
/// deleted, or changed by hand in SQL, makes the write fall back to reading it). Bounded, so a catalogue of any size
/// cannot grow it without limit.
/// </remarks>
internal sealed class DefinitionCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<MetricDefinitionId, MetricDefinition> _definitions = new();

    public MetricDefinition? Find(MetricDefinitionId id) => _definitions.GetValueOrDefault(id);

    public void Remember(MetricDefinition definition)
    {
        if (_definitions.Count < Capacity || _definitions.ContainsKey(definition.Id))
        {
            _definitions[definition.Id] = definition;
        }
    }

    public void Forget(MetricDefinitionId id) => _definitions.TryRemove(id, out _);
}
