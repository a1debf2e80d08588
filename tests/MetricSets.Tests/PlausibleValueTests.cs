namespace MetricSets.Tests;

/// <summary>Hard bounds: a value outside its kind's plausible range is refused, compared exactly in the base unit.</summary>
public class PlausibleValueTests
{
    public static TheoryData<MetricKind, MetricUnit, decimal, decimal> Edges => new()
    {
        // kind, unit of the definition and the value, the largest accepted amount, the smallest refused one
        { MetricKind.OneRepMax, MetricUnit.Kilogram, 1000m, 1000.0001m },
        { MetricKind.OneRepMax, MetricUnit.Pound, 2204.6226m, 2204.6227m },
        { MetricKind.Time, MetricUnit.Second, 604_800m, 604_800.0001m },
        { MetricKind.Time, MetricUnit.Hour, 168m, 168.0001m },
        { MetricKind.Distance, MetricUnit.Kilometer, 1000m, 1000.0001m },
        { MetricKind.Distance, MetricUnit.Mile, 621.3711m, 621.3712m },
        { MetricKind.BodyComp, MetricUnit.Kilogram, 700m, 700.0001m },
        { MetricKind.BodyComp, MetricUnit.Percent, 100m, 100.0001m },
        { MetricKind.Repetitions, MetricUnit.Repetition, 100_000m, 100_001m },
        { MetricKind.BodyMeasurement, MetricUnit.Centimeter, 500m, 500.0001m },
        { MetricKind.BodyMeasurement, MetricUnit.Inch, 196.8503m, 196.8504m },
        { MetricKind.HeartRate, MetricUnit.BeatsPerMinute, 300m, 300.0001m },
        { MetricKind.Power, MetricUnit.Watt, 5000m, 5000.0001m },
        { MetricKind.Energy, MetricUnit.Kilocalorie, 23_900.5736m, 23_900.5737m },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_value_up_to_the_kinds_maximum_is_accepted_and_beyond_it_refused(MetricKind kind, MetricUnit unit, decimal largest, decimal refused)
    {
        var definition = MetricDefinition.Create(MetricSlug.Parse("edge"), LocalizedName.Of("en", "Edge"), unit, kind);

        definition.EnsureAccepts(MetricValue.Of(largest, unit));
        definition.EnsureAccepts(MetricValue.Of(0m, unit));
        var error = Assert.Throws<MetricValidationException>(() => definition.EnsureAccepts(MetricValue.Of(refused, unit)));

        Assert.Equal("value", error.ParameterName);
        Assert.Contains("not plausible", error.Message, StringComparison.Ordinal);

        // The bound is said in the dimension's base unit: kg, seconds, meters, reps, …
        var baseUnit = MetricUnitExtensions.All.Single(u => u.Dimension() == unit.Dimension() && u.BaseFactor() == 1m);
        Assert.EndsWith($" {baseUnit.Symbol()}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_is_compared_on_the_exact_base_amount_whatever_the_unit()
    {
        var squat = MetricDefinition.Create(MetricSlug.Parse("squat"), LocalizedName.Of("en", "Squat"), MetricUnit.Kilogram, MetricKind.OneRepMax);

        // 2204.6226 lb = 999.99997 kg; 2204.6227 lb = 1000.00002 kg.
        squat.EnsureAccepts(MetricValue.Of(2204.6226m, MetricUnit.Pound));
        Assert.Throws<MetricValidationException>(() => squat.EnsureAccepts(MetricValue.Of(2204.6227m, MetricUnit.Pound)));
    }

    [Fact]
    public void The_poisoned_value_of_the_review_is_refused()
    {
        var run = MetricDefinition.Create(MetricSlug.Parse("run_12min_distance"), LocalizedName.Of("en", "Run"), MetricUnit.Meter, MetricKind.Distance);

        Assert.Throws<MetricValidationException>(() => run.EnsureAccepts(MetricValue.Of(9_999_999_999m, MetricUnit.Kilometer)));
    }

    [Fact]
    public void Every_kind_has_a_maximum_for_each_dimension_it_allows_and_every_conversion_of_it_fits()
    {
        foreach (var kind in MetricKindExtensions.All)
        {
            foreach (var dimension in kind.AllowedDimensions())
            {
                var maximum = kind.PlausibleMaximum(dimension);
                Assert.True(maximum > 0, $"{kind}/{dimension}");
                foreach (var unit in MetricUnitExtensions.All.Where(u => u.Dimension() == dimension))
                {
                    // The largest plausible value converts into every unit of its dimension without leaving numeric(14,4).
                    Assert.True(maximum / unit.BaseFactor() < MetricValue.MaxMagnitudeExclusive / 10, $"{kind}/{unit}");
                }
            }
        }
    }

    [Fact]
    public void A_kind_has_no_maximum_in_a_dimension_it_does_not_allow()
    {
        var error = Assert.Throws<MetricValidationException>(() => MetricKind.OneRepMax.PlausibleMaximum(UnitDimension.Length));

        Assert.Equal("dimension", error.ParameterName);
    }
}
