using System.Collections.Frozen;

namespace MetricSets;

/// <summary>Chooses the unit a <see cref="UnitPreference"/> reports a definition's values in.</summary>
public static class UnitPreferenceExtensions
{
    private static readonly FrozenDictionary<MetricUnit, MetricUnit> ToMetric = new Dictionary<MetricUnit, MetricUnit>
    {
        [MetricUnit.Pound] = MetricUnit.Kilogram,
        [MetricUnit.Mile] = MetricUnit.Kilometer,
        [MetricUnit.Yard] = MetricUnit.Meter,
        [MetricUnit.Foot] = MetricUnit.Meter,
        [MetricUnit.Inch] = MetricUnit.Centimeter,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<MetricUnit, MetricUnit> ToImperial = new Dictionary<MetricUnit, MetricUnit>
    {
        [MetricUnit.Kilogram] = MetricUnit.Pound,
        [MetricUnit.Kilometer] = MetricUnit.Mile,
        [MetricUnit.Meter] = MetricUnit.Yard,
        [MetricUnit.Centimeter] = MetricUnit.Inch,
    }.ToFrozenDictionary();

    /// <summary>Gets the unit to report values of a definition in <paramref name="definitionUnit"/> under this preference.</summary>
    /// <param name="preference">The preference.</param>
    /// <param name="definitionUnit">The definition's unit.</param>
    /// <returns>A unit of the same dimension as <paramref name="definitionUnit"/>.</returns>
    public static MetricUnit UnitFor(this UnitPreference preference, MetricUnit definitionUnit) => preference switch
    {
        UnitPreference.Metric => ToMetric.GetValueOrDefault(definitionUnit, definitionUnit),
        UnitPreference.Imperial => ToImperial.GetValueOrDefault(definitionUnit, definitionUnit),
        _ => definitionUnit,
    };
}
