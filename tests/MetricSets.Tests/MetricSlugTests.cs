using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public class MetricSlugTests
{
    [Theory]
    [InlineData("back_squat_1rm")]
    [InlineData("a")]
    [InlineData("vo2max")]
    [InlineData("row_2000m_time")]
    [InlineData("a_1_b_2")]
    public void Parse_accepts_lowercase_snake_case(string value)
    {
        var slug = MetricSlug.Parse(value);

        Assert.Equal(value, slug.Value);
        Assert.Equal(value, slug.ToString());
        Assert.True(MetricSlug.TryParse(value, out var parsed));
        Assert.Equal(slug, parsed);
    }

    [Fact]
    public void Parse_accepts_exactly_100_characters()
    {
        var value = new string('a', MetricSlug.MaxLength);

        Assert.Equal(100, MetricSlug.MaxLength);
        Assert.Equal(value, MetricSlug.Parse(value).Value);
    }

    [Theory]
    [InlineData("Back_squat")]
    [InlineData("back_squat_1RM")]
    [InlineData("1rm_back_squat")]
    [InlineData("_back_squat")]
    [InlineData("back_squat_")]
    [InlineData("back__squat")]
    [InlineData("back-squat")]
    [InlineData("back squat")]
    [InlineData(" back_squat")]
    [InlineData("back_squat ")]
    [InlineData("squat.1rm")]
    [InlineData("prisед")]
    [InlineData("_")]
    [InlineData("")]
    [InlineData("back_squat\n")]
    [InlineData("back_squat\r\n")]
    public void Parse_rejects_anything_but_lowercase_snake_case(string value)
    {
        var exception = Assert.Throws<MetricValidationException>(() => MetricSlug.Parse(value));

        Assert.Equal("value", exception.ParameterName);
        Assert.Equal(value, exception.AttemptedValue);
        Assert.False(MetricSlug.TryParse(value, out var slug));
        Assert.Null(slug);
    }

    [Fact]
    public void Parse_rejects_101_characters_and_says_so()
    {
        var value = new string('a', 101);

        var exception = Assert.Throws<MetricValidationException>(() => MetricSlug.Parse(value));

        Assert.Equal("value", exception.ParameterName);
        Assert.Contains("101", exception.Message, StringComparison.Ordinal);
        Assert.Contains("100", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_null_as_a_validation_error()
    {
        Assert.Throws<MetricValidationException>(() => MetricSlug.Parse(null!));
        Assert.False(MetricSlug.TryParse(null, out _));
    }

    [Fact]
    public void Equality_is_ordinal_on_the_value()
    {
        var slug = MetricSlug.Parse("back_squat");

        Assert.Equal(slug, MetricSlug.Parse("back_squat"));
        Assert.True(slug == MetricSlug.Parse("back_squat"));
        Assert.Equal(slug.GetHashCode(), MetricSlug.Parse("back_squat").GetHashCode());
        Assert.NotEqual(slug, MetricSlug.Parse("back_squat_1rm"));
        Assert.True(slug != MetricSlug.Parse("front_squat"));
        Assert.False(slug.Equals(null));
        Assert.False(slug.Equals((object)"back_squat"));
    }

    [Property]
    public Property Every_snake_case_value_of_1_to_100_characters_is_a_valid_slug()
    {
        return Prop.ForAll(Generators.SnakeCase(MetricSlug.MaxLength).ToArbitrary(), value =>
            MetricSlug.TryParse(value, out var slug) && slug.Value == value);
    }

    [Property]
    public Property Every_value_breaking_a_snake_case_rule_is_rejected()
    {
        return Prop.ForAll(Generators.NotSnakeCase(MetricSlug.MaxLength).ToArbitrary(), value =>
        {
            var exception = Assert.Throws<MetricValidationException>(() => MetricSlug.Parse(value));
            Assert.Equal("value", exception.ParameterName);
            Assert.False(MetricSlug.TryParse(value, out _));
        });
    }
}
