namespace MetricSets.Tests;

/// <summary>The exception types' own contracts: the facts they carry and the arguments they refuse.</summary>
public class ErrorTests
{
    [Fact]
    public void MetricNotFoundException_names_what_was_looked_for_and_by_which_key()
    {
        var error = new MetricNotFoundException("metric definition", "back_squat_1rm");

        Assert.Equal("metric definition", error.Entity);
        Assert.Equal("back_squat_1rm", error.Key);
        Assert.Equal("The metric definition 'back_squat_1rm' does not exist.", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void MetricNotFoundException_needs_an_entity(string? entity)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new MetricNotFoundException(entity!, "key"));

        Assert.Equal("entity", error.ParamName);
    }

    [Fact]
    public void MetricNotFoundException_needs_a_key()
    {
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => new MetricNotFoundException("member", null!)).ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void MetricValidationException_needs_a_parameter_name(string? parameterName)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new MetricValidationException(parameterName!, 1, "wrong"));

        Assert.Equal("parameterName", error.ParamName);
    }

    [Fact]
    public void MetricValidationException_carries_the_parameter_and_the_attempted_value()
    {
        var error = new MetricValidationException("amount", 1.00001m, "too precise");

        Assert.Equal("amount", error.ParameterName);
        Assert.Equal(1.00001m, error.AttemptedValue);
        Assert.Equal("too precise", error.Message);
        Assert.IsAssignableFrom<MetricSetsException>(error);
    }

    [Fact]
    public void IncompatibleUnitsException_built_by_a_host_names_targetUnit()
    {
        var error = new IncompatibleUnitsException(MetricUnit.Kilogram, MetricUnit.Meter);

        Assert.Equal("targetUnit", error.ParamName);
        Assert.Equal(MetricUnit.Kilogram, error.SourceUnit);
        Assert.Equal(MetricUnit.Meter, error.TargetUnit);
        Assert.StartsWith("kg (Mass) and meters (Length) measure different dimensions", error.Message, StringComparison.Ordinal);
    }
}
