using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public class MetricSourceTests
{
    [Fact]
    public void The_well_known_sources_exist_with_their_codes()
    {
        Assert.Equal("coach_input", MetricSource.CoachInput.Code);
        Assert.Equal("self_report", MetricSource.SelfReport.Code);
        Assert.Equal("workout_result", MetricSource.WorkoutResult.Code);
    }

    [Theory]
    [InlineData("coach_input")]
    [InlineData("self_report")]
    [InlineData("workout_result")]
    public void Parsing_a_well_known_code_equals_the_well_known_source(string code)
    {
        var wellKnown = new[] { MetricSource.CoachInput, MetricSource.SelfReport, MetricSource.WorkoutResult }.Single(source => source.Code == code);

        var parsed = MetricSource.Parse(code);

        Assert.Equal(wellKnown, parsed);
        Assert.True(wellKnown == parsed);
        Assert.Equal(wellKnown.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(code, parsed.ToString());
    }

    [Fact]
    public void Hosts_may_use_their_own_codes()
    {
        var source = MetricSource.Parse("wearable_sync");

        Assert.Equal("wearable_sync", source.Code);
        Assert.NotEqual(MetricSource.SelfReport, source);
        Assert.True(source != MetricSource.CoachInput);
    }

    [Fact]
    public void Parse_accepts_exactly_50_characters_and_rejects_51()
    {
        Assert.Equal(50, MetricSource.MaxLength);
        Assert.Equal(50, MetricSource.Parse(new string('s', 50)).Code.Length);

        var exception = Assert.Throws<MetricValidationException>(() => MetricSource.Parse(new string('s', 51)));

        Assert.Equal("code", exception.ParameterName);
    }

    [Theory]
    [InlineData("Coach_input")]
    [InlineData("1st_party")]
    [InlineData("_coach")]
    [InlineData("coach_")]
    [InlineData("coach__input")]
    [InlineData("coach-input")]
    [InlineData("coach input")]
    [InlineData("")]
    [InlineData("coach_input\n")]
    public void Parse_rejects_anything_but_lowercase_snake_case(string code)
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricSource.Parse(code));

        Assert.Equal("code", exception.ParameterName);
        Assert.Equal(code, exception.AttemptedValue);
        Assert.False(MetricSource.TryParse(code, out var source));
        Assert.Null(source);
    }

    [Fact]
    public void Parse_rejects_null_as_a_validation_error()
    {
        Assert.Throws<MetricValidationException>(() => MetricSource.Parse(null!));
        Assert.False(MetricSource.TryParse(null, out _));
    }

    [Property]
    public Property Every_snake_case_code_of_1_to_50_characters_is_a_valid_source()
    {
        return Prop.ForAll(Generators.SnakeCase(MetricSource.MaxLength).ToArbitrary(), code =>
            MetricSource.Parse(code).Code == code && MetricSource.TryParse(code, out var source) && source.Code == code);
    }

    [Property]
    public Property Every_code_breaking_a_snake_case_rule_is_rejected()
    {
        return Prop.ForAll(Generators.NotSnakeCase(MetricSource.MaxLength).ToArbitrary(), code =>
            Assert.Equal("code", Assert.Throws<MetricValidationException>(() => MetricSource.Parse(code)).ParameterName));
    }
}
