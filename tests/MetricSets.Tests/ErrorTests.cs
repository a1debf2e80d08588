namespace MetricSets.Tests;

/// <summary>The exception types' own contracts: the facts they carry and the arguments they refuse.</summary>
public class ErrorTests
{
    [Fact]
    public void MetricNotFoundException_names_what_was_looked_for_and_by_which_key()
    {
        var error = new MetricNotFoundException(MetricEntity.MetricDefinition, "back_squat_1rm");

        Assert.Equal(MetricEntity.MetricDefinition, error.Entity);
        Assert.Equal("back_squat_1rm", error.Key);
        Assert.Equal(MetricErrorCode.NotFound, error.Code);
        Assert.Equal("The metric definition 'back_squat_1rm' does not exist.", error.Message);
    }

    [Theory]
    [InlineData(MetricEntity.Member, "member")]
    [InlineData(MetricEntity.Organization, "organization")]
    [InlineData(MetricEntity.Workout, "workout")]
    [InlineData(MetricEntity.MetricDefinition, "metric definition")]
    [InlineData(MetricEntity.MetricSet, "metric set")]
    [InlineData(MetricEntity.MetricSetEntry, "metric set entry")]
    [InlineData(MetricEntity.MemberMetric, "member metric")]
    public void MetricNotFoundException_names_each_entity_in_words(MetricEntity entity, string words)
    {
        Assert.Equal($"The {words} 'k' does not exist.", new MetricNotFoundException(entity, "k").Message);
    }

    [Fact]
    public void MetricNotFoundException_refuses_an_undefined_entity()
    {
        Assert.Equal("entity", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricNotFoundException((MetricEntity)99, "key")).ParamName);
    }

    [Fact]
    public void MetricNotFoundException_needs_a_key()
    {
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => new MetricNotFoundException(MetricEntity.Member, null!)).ParamName);
    }

    [Fact]
    public void Every_error_keeps_the_exception_it_translates_and_carries_a_code()
    {
        var cause = new InvalidOperationException("the database said no");

        Assert.Same(cause, new MetricNotFoundException(MetricEntity.Member, "k", cause).InnerException);
        Assert.Same(cause, new MetricValidationException("p", 1, "wrong", cause).InnerException);
        Assert.Null(new MetricValidationException("p", 1, "wrong").InnerException);
        var conflict = new MetricConflictException(MetricErrorCode.SlugInUse, "taken", cause);
        Assert.Same(cause, conflict.InnerException);
        Assert.Equal(MetricErrorCode.SlugInUse, conflict.Code);
        Assert.Equal(MetricErrorCode.InvalidValue, new MetricValidationException("p", 1, "wrong").Code);
        Assert.Equal(MetricErrorCode.InvalidBatch, new MetricBatchValidationException("rows", [new MetricBatchError(0, "Value", "bad")], 1).Code);
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
