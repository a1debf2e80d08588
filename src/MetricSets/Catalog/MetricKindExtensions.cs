using System.Collections.Frozen;

namespace MetricSets;

/// <summary>
/// Facts about each <see cref="MetricKind"/>: which unit dimensions it allows and which values are in bounds.
/// </summary>
public static class MetricKindExtensions
{
    private static readonly FrozenDictionary<MetricKind, UnitDimension[]> Dimensions =
        new Dictionary<MetricKind, UnitDimension[]>
        {
            [MetricKind.OneRepMax] = [UnitDimension.Mass],
            [MetricKind.Time] = [UnitDimension.Time],
            [MetricKind.Distance] = [UnitDimension.Length],
            [MetricKind.BodyComp] = [UnitDimension.Mass, UnitDimension.Ratio],
            [MetricKind.Repetitions] = [UnitDimension.Count],
            [MetricKind.BodyMeasurement] = [UnitDimension.Length],
            [MetricKind.HeartRate] = [UnitDimension.Frequency],
            [MetricKind.Power] = [UnitDimension.Power],
            [MetricKind.Energy] = [UnitDimension.Energy],
        }.ToFrozenDictionary();

    /// <summary>Gets the dimensions whose units a definition of this kind may use.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The allowed dimensions; never empty.</returns>
    /// <exception cref="MetricValidationException"><paramref name="kind"/> is not a defined <see cref="MetricKind"/>.</exception>
    public static IReadOnlyList<UnitDimension> AllowedDimensions(this MetricKind kind) =>
        Dimensions.TryGetValue(kind, out var dimensions)
            ? dimensions
            : throw new MetricValidationException(nameof(kind), kind, $"{(int)kind} is not a defined metric kind.");

    /// <summary>Determines whether a definition of this kind may use <paramref name="unit"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="unit">The unit.</param>
    /// <returns><see langword="true"/> when the unit's dimension is one of <see cref="AllowedDimensions"/>.</returns>
    public static bool Allows(this MetricKind kind, MetricUnit unit) => kind.AllowedDimensions().Contains(unit.Dimension());

    /// <summary>
    /// Gets which way "better" points: higher for <see cref="MetricKind.OneRepMax"/>, <see cref="MetricKind.Distance"/>,
    /// <see cref="MetricKind.Repetitions"/>, <see cref="MetricKind.Power"/> and <see cref="MetricKind.Energy"/>; lower for
    /// <see cref="MetricKind.Time"/>; none for <see cref="MetricKind.BodyComp"/>, <see cref="MetricKind.BodyMeasurement"/>
    /// and <see cref="MetricKind.HeartRate"/>, whose goals differ per person (gain or lose weight, resting or peak rate).
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The direction.</returns>
    public static BestDirection BestDirection(this MetricKind kind) => kind switch
    {
        MetricKind.OneRepMax or MetricKind.Distance or MetricKind.Repetitions or MetricKind.Power or MetricKind.Energy => MetricSets.BestDirection.HigherIsBetter,
        MetricKind.Time => MetricSets.BestDirection.LowerIsBetter,
        _ => MetricSets.BestDirection.None,
    };

    /// <summary>Gets every defined kind, in declaration order (the order of the PostgreSQL enum labels).</summary>
    public static IReadOnlyList<MetricKind> All { get; } = Enum.GetValues<MetricKind>();
}
