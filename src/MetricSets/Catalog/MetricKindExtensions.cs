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

    // Hard bounds, in the dimension's base unit (kg, s, m, %, reps, bpm, W, kJ), generous enough for world records.
    private static readonly FrozenDictionary<(MetricKind, UnitDimension), decimal> PlausibleMaximums =
        new Dictionary<(MetricKind, UnitDimension), decimal>
        {
            [(MetricKind.OneRepMax, UnitDimension.Mass)] = 1_000m,
            [(MetricKind.Time, UnitDimension.Time)] = 604_800m,
            [(MetricKind.Distance, UnitDimension.Length)] = 1_000_000m,
            [(MetricKind.BodyComp, UnitDimension.Mass)] = 700m,
            [(MetricKind.BodyComp, UnitDimension.Ratio)] = 100m,
            [(MetricKind.Repetitions, UnitDimension.Count)] = 100_000m,
            [(MetricKind.BodyMeasurement, UnitDimension.Length)] = 5m,
            [(MetricKind.HeartRate, UnitDimension.Frequency)] = 300m,
            [(MetricKind.Power, UnitDimension.Power)] = 5_000m,
            [(MetricKind.Energy, UnitDimension.Energy)] = 100_000m,
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

    /// <summary>
    /// Gets the plausible range of a value of this kind in <paramref name="dimension"/>, in the dimension's base unit: the
    /// hard bounds a recorded value must respect (as wger bounds its entries), so that a typo or a poisoned value cannot be
    /// stored, and so that every conversion a read makes fits <c>numeric(14,4)</c>. The lower bound is always zero.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <param name="dimension">One of the kind's <see cref="AllowedDimensions"/>.</param>
    /// <returns>
    /// The greatest plausible amount in the base unit: 1,000 kg for a one-rep max; 7 days for a time; 1,000 km for a distance;
    /// 700 kg or 100 % for body composition; 100,000 repetitions; 5 m for a body measurement; 300 bpm for a heart rate;
    /// 5,000 W for power; 100,000 kJ for energy.
    /// </returns>
    /// <exception cref="MetricValidationException">The kind is not defined, or does not allow <paramref name="dimension"/>.</exception>
    public static decimal PlausibleMaximum(this MetricKind kind, UnitDimension dimension) =>
        PlausibleMaximums.TryGetValue((kind, dimension), out var maximum)
            ? maximum
            : throw new MetricValidationException(nameof(dimension), dimension, $"A {kind} metric has no values in {dimension}.");

    /// <summary>Gets every defined kind, in declaration order (the order of the PostgreSQL enum labels).</summary>
    public static IReadOnlyList<MetricKind> All { get; } = Enum.GetValues<MetricKind>();
}
