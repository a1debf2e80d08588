using BenchmarkDotNet.Attributes;

namespace MetricSets.Benchmarks;

/// <summary>
/// Unit conversion and cross-unit comparison, which leaderboards run once per row. Baseline: a plain decimal multiply
/// with the same exact factor, the floor any conversion must pay.
/// </summary>
[MemoryDiagnoser]
public class MetricValueConversionBenchmarks
{
    private const decimal PoundInKilograms = 0.45359237m;
    private readonly MetricValue _pounds = MetricValue.Of(225m, MetricUnit.Pound);
    private readonly MetricValue _kilograms = MetricValue.Of(100m, MetricUnit.Kilogram);

    [Benchmark(Baseline = true)]
    public decimal Decimal_multiply() => decimal.Round(_pounds.Amount * PoundInKilograms, 4, MidpointRounding.AwayFromZero);

    [Benchmark]
    public MetricValue ConvertTo_kilograms() => _pounds.ConvertTo(MetricUnit.Kilogram);

    [Benchmark]
    public int Compare_quantities_across_units() => MetricValue.Comparer.Quantity.Compare(_pounds, _kilograms);
}
