namespace MetricSets.Tests;

public class MetricDefinitionTests
{
    private static readonly MetricUnit[] Lengths =
        [MetricUnit.Meter, MetricUnit.Kilometer, MetricUnit.Centimeter, MetricUnit.Mile, MetricUnit.Yard, MetricUnit.Foot, MetricUnit.Inch];

    // Which units each kind accepts, spelled out unit by unit rather than derived from the dimension table.
    private static readonly Dictionary<MetricKind, MetricUnit[]> AllowedUnits = new()
    {
        [MetricKind.OneRepMax] = [MetricUnit.Kilogram, MetricUnit.Pound],
        [MetricKind.Time] = [MetricUnit.Second, MetricUnit.Minute, MetricUnit.Hour],
        [MetricKind.Distance] = Lengths,
        [MetricKind.BodyComp] = [MetricUnit.Kilogram, MetricUnit.Pound, MetricUnit.Percent],
        [MetricKind.Repetitions] = [MetricUnit.Repetition],
        [MetricKind.BodyMeasurement] = Lengths,
        [MetricKind.HeartRate] = [MetricUnit.BeatsPerMinute],
        [MetricKind.Power] = [MetricUnit.Watt],
        [MetricKind.Energy] = [MetricUnit.Kilojoule, MetricUnit.Kilocalorie],
    };

    private static MetricDefinition Define(MetricUnit unit, MetricKind kind, string slug = "back_squat_1rm") =>
        MetricDefinition.Create(MetricSlug.Parse(slug), LocalizedName.Of("en", "Back Squat 1RM"), unit, kind);

    public static TheoryData<MetricKind, MetricUnit> AllKindsAndUnits()
    {
        var data = new TheoryData<MetricKind, MetricUnit>();
        foreach (var kind in Enum.GetValues<MetricKind>())
        {
            foreach (var unit in Enum.GetValues<MetricUnit>())
            {
                data.Add(kind, unit);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllKindsAndUnits))]
    public void A_kind_accepts_exactly_its_documented_units(MetricKind kind, MetricUnit unit)
    {
        if (AllowedUnits[kind].Contains(unit))
        {
            var definition = Define(unit, kind);
            Assert.Equal(unit, definition.Unit);
            Assert.Equal(kind, definition.Kind);
        }
        else
        {
            var exception = Assert.Throws<MetricValidationException>(() => Define(unit, kind));
            Assert.Equal("unit", exception.ParameterName);
            Assert.Equal(unit, exception.AttemptedValue);
        }
    }

    [Fact]
    public void A_one_rep_max_in_seconds_is_rejected_on_unit()
    {
        var exception = Assert.Throws<MetricValidationException>(() => Define(MetricUnit.Second, MetricKind.OneRepMax));

        Assert.Equal("unit", exception.ParameterName);
        Assert.Equal(MetricUnit.Second, exception.AttemptedValue);
        Assert.Contains("seconds", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram)]
    [InlineData(MetricUnit.Percent)]
    public void Body_composition_allows_kilograms_and_percent(MetricUnit unit)
    {
        Assert.Equal(unit, Define(unit, MetricKind.BodyComp, "body_fat").Unit);
    }

    [Fact]
    public void Create_keeps_what_it_is_given_and_mints_an_id()
    {
        var slug = MetricSlug.Parse("row_2000m");
        var name = LocalizedName.Create([new("en", "2000 m Row"), new("he", "חתירה 2000 מ׳")]);

        var definition = MetricDefinition.Create(slug, name, MetricUnit.Second, MetricKind.Time, "  Erg, damper 5  ");

        Assert.False(definition.Id.IsEmpty);
        Assert.Equal(slug, definition.Slug);
        Assert.Equal(name, definition.Name);
        Assert.Equal("Erg, damper 5", definition.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_description_means_none(string? description)
    {
        var definition = MetricDefinition.Create(MetricSlug.Parse("a"), LocalizedName.Of("en", "A"), MetricUnit.Kilogram, MetricKind.OneRepMax, description);

        Assert.Null(definition.Description);
    }

    [Fact]
    public void Describe_and_Rename_replace_description_and_name()
    {
        var definition = Define(MetricUnit.Kilogram, MetricKind.OneRepMax);
        var name = LocalizedName.Of("en", "Squat 1RM");

        definition.Describe(" Low bar ");
        definition.Rename(name);

        Assert.Equal("Low bar", definition.Description);
        Assert.Equal(name, definition.Name);

        definition.Describe(" ");
        Assert.Null(definition.Description);
        Assert.Throws<ArgumentNullException>(() => definition.Rename(null!));
    }

    [Fact]
    public void An_empty_id_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(
            () => new MetricDefinition(default, MetricSlug.Parse("a"), LocalizedName.Of("en", "A"), MetricUnit.Kilogram, MetricKind.OneRepMax));

        Assert.Equal("id", exception.ParameterName);
    }

    [Fact]
    public void Null_slug_or_name_is_a_programming_error()
    {
        var name = LocalizedName.Of("en", "A");
        var slug = MetricSlug.Parse("a");

        Assert.Throws<ArgumentNullException>(() => MetricDefinition.Create(null!, name, MetricUnit.Kilogram, MetricKind.OneRepMax));
        Assert.Throws<ArgumentNullException>(() => MetricDefinition.Create(slug, null!, MetricUnit.Kilogram, MetricKind.OneRepMax));
    }

    [Theory]
    [InlineData(MetricUnit.Meter)]
    [InlineData(MetricUnit.Percent)]
    [InlineData(MetricUnit.Second)]
    public void EnsureAccepts_rejects_a_unit_of_another_dimension(MetricUnit unit)
    {
        var definition = Define(MetricUnit.Kilogram, MetricKind.OneRepMax);
        var value = MetricValue.Of(100m, unit);

        var exception = Assert.Throws<MetricValidationException>(() => definition.EnsureAccepts(value));

        Assert.Equal("value", exception.ParameterName);
        Assert.Equal(value, exception.AttemptedValue);
        Assert.Contains("back_squat_1rm", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetricUnit.Kilogram, MetricKind.OneRepMax)]
    [InlineData(MetricUnit.Second, MetricKind.Time)]
    [InlineData(MetricUnit.Meter, MetricKind.Distance)]
    [InlineData(MetricUnit.Percent, MetricKind.BodyComp)]
    [InlineData(MetricUnit.Repetition, MetricKind.Repetitions)]
    public void EnsureAccepts_rejects_a_negative_amount(MetricUnit unit, MetricKind kind)
    {
        var definition = Define(unit, kind);

        var exception = Assert.Throws<MetricValidationException>(() => definition.EnsureAccepts(MetricValue.Of(-0.0001m, unit)));

        Assert.Equal("value", exception.ParameterName);
    }

    [Theory]
    [InlineData("100.0001")]
    [InlineData("101")]
    [InlineData("9999999999.9999")]
    public void EnsureAccepts_rejects_a_percentage_above_100(string amount)
    {
        var definition = Define(MetricUnit.Percent, MetricKind.BodyComp, "body_fat");

        var exception = Assert.Throws<MetricValidationException>(
            () => definition.EnsureAccepts(MetricValue.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), MetricUnit.Percent)));

        Assert.Equal("value", exception.ParameterName);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("100.0000")]
    [InlineData("0")]
    [InlineData("18.5")]
    public void EnsureAccepts_accepts_a_percentage_from_0_to_100(string amount)
    {
        var definition = Define(MetricUnit.Percent, MetricKind.BodyComp, "body_fat");

        definition.EnsureAccepts(MetricValue.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), MetricUnit.Percent));
    }

    [Fact]
    public void EnsureAccepts_accepts_pounds_for_a_kilogram_definition()
    {
        var definition = Define(MetricUnit.Kilogram, MetricKind.OneRepMax);

        definition.EnsureAccepts(MetricValue.Of(225m, MetricUnit.Pound));
        definition.EnsureAccepts(MetricValue.Of(0m, MetricUnit.Pound));
    }

    [Fact]
    public void EnsureAccepts_does_not_cap_masses_at_100()
    {
        var definition = Define(MetricUnit.Kilogram, MetricKind.BodyComp, "body_weight");

        definition.EnsureAccepts(MetricValue.Of(150m, MetricUnit.Kilogram));
    }
}
