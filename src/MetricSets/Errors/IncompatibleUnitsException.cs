using System.Globalization;

namespace MetricSets;

/// <summary>
/// Thrown when a <see cref="MetricValue"/> is converted to, or compared with, a unit of a different
/// <see cref="UnitDimension"/>, for example kilograms and metres.
/// </summary>
public sealed class IncompatibleUnitsException : MetricValidationException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="sourceUnit">The unit of the value being converted.</param>
    /// <param name="targetUnit">The requested unit.</param>
    public IncompatibleUnitsException(MetricUnit sourceUnit, MetricUnit targetUnit)
        : base(
            "targetUnit",
            targetUnit,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Cannot convert {sourceUnit.Symbol()} ({sourceUnit.Dimension()}) to {targetUnit.Symbol()} ({targetUnit.Dimension()}): they measure different dimensions."))
    {
        SourceUnit = sourceUnit;
        TargetUnit = targetUnit;
    }

    /// <summary>Gets the unit of the value being converted.</summary>
    public MetricUnit SourceUnit { get; }

    /// <summary>Gets the requested unit.</summary>
    public MetricUnit TargetUnit { get; }
}
