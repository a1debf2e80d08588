using System.Globalization;

namespace MetricSets;

/// <summary>
/// Thrown when a <see cref="MetricValue"/> is converted to, or compared with, a unit of a different
/// <see cref="UnitDimension"/>, for example kilograms and metres.
/// </summary>
/// <remarks>
/// <para>
/// This is a programming error, not a rule the caller's data broke, so it is an <see cref="ArgumentException"/> (the
/// offending argument is <see cref="ArgumentException.ParamName"/>) and not a <see cref="MetricValidationException"/>: a
/// host that maps validation errors to HTTP 400 does not turn its own sorting bug into a client error. Input that may
/// name any unit is validated where it enters, for example by <see cref="MetricDefinition.EnsureAccepts"/>, which
/// throws a <see cref="MetricValidationException"/> for a value in the wrong dimension.
/// </para>
/// <para>Catch this type when you need to tell the situation apart from other argument errors.</para>
/// </remarks>
public sealed class IncompatibleUnitsException : ArgumentException
{
    /// <summary>Initializes a new instance for a conversion from <paramref name="sourceUnit"/> to <paramref name="targetUnit"/>.</summary>
    /// <param name="sourceUnit">The unit of the value being converted or compared.</param>
    /// <param name="targetUnit">The requested unit, or the unit of the value compared with; <see cref="ArgumentException.ParamName"/> is <c>targetUnit</c>.</param>
    public IncompatibleUnitsException(MetricUnit sourceUnit, MetricUnit targetUnit)
        : this(sourceUnit, targetUnit, nameof(targetUnit))
    {
    }

    internal IncompatibleUnitsException(MetricUnit sourceUnit, MetricUnit targetUnit, string paramName)
        : base(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{sourceUnit.Symbol()} ({sourceUnit.Dimension()}) and {targetUnit.Symbol()} ({targetUnit.Dimension()}) measure different dimensions: a value in one cannot be converted to, or compared with, a value in the other."),
            paramName)
    {
        SourceUnit = sourceUnit;
        TargetUnit = targetUnit;
    }

    /// <summary>Gets the unit of the value being converted or compared.</summary>
    public MetricUnit SourceUnit { get; }

    /// <summary>Gets the requested unit, or the unit of the value compared with.</summary>
    public MetricUnit TargetUnit { get; }
}
