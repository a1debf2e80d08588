namespace MetricSets.AspNetCore.Endpoints;

/// <summary>The catalogue's units by definition, to report values in the unit a preference picks for each.</summary>
internal sealed class DefinitionUnits
{
    private readonly Dictionary<MetricDefinitionId, MetricUnit> _units;

    private DefinitionUnits(Dictionary<MetricDefinitionId, MetricUnit> units) => _units = units;

    public static async Task<DefinitionUnits> ListAsync(IMetricCatalog catalog, CancellationToken cancellationToken) =>
        new((await catalog.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(definition => definition.Id, definition => definition.Unit));

    public static async Task<Dictionary<MetricDefinitionId, Http.ReadingResponse>> ConvertAsync(
        IReadOnlyDictionary<MetricDefinitionId, MetricReading> readings, IMetricCatalog catalog, UnitPreference preference, CancellationToken cancellationToken)
    {
        var units = await ListAsync(catalog, cancellationToken).ConfigureAwait(false);
        return readings.ToDictionary(pair => pair.Key, pair => Http.ReadingResponse.From(pair.Value, units.For(pair.Key, preference)));
    }

    // The reader already refused unknown definitions, so each one read is in the catalogue.
    public MetricUnit For(MetricDefinitionId definitionId, UnitPreference preference) => preference.UnitFor(_units[definitionId]);
}
