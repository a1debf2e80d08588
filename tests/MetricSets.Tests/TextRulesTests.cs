namespace MetricSets.Tests;

/// <summary>Free text never holds control characters (PostgreSQL refuses NUL; the rest is garbage or log forgery).</summary>
public class TextRulesTests
{
    public static TheoryData<string> Controls => ["\0", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\n", "\t"];

    [Theory]
    [MemberData(nameof(Controls))]
    public void A_set_name_with_a_control_character_is_refused_naming_its_code_point(string control)
    {
        var error = Assert.Throws<MetricValidationException>(() => MetricSet.Create(MetricOwner.ForMember(UserId.New()), $"Strength{control}Day"));

        Assert.Equal("name", error.ParameterName);
        Assert.Contains($"U+{(int)control[0]:X4}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Strength", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void A_localized_name_with_a_control_character_is_refused(string control)
    {
        var error = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([new("en", "Squat"), new("he", $"סקוואט{control}x")]));

        Assert.Equal("texts", error.ParameterName);
        Assert.Contains("'he'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_set_is_checked_too()
    {
        var set = MetricSet.Create(MetricOwner.ForMember(UserId.New()), "Goals");

        Assert.Throws<MetricValidationException>(() => set.Rename("Goals\0"));
        Assert.Equal("Goals", set.Name);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0007")]
    [InlineData("\u001b")]
    public void A_description_refuses_control_characters(string control)
    {
        var error = Assert.Throws<MetricValidationException>(
            () => MetricDefinition.Create(MetricSlug.Parse("squat"), LocalizedName.Of("en", "Squat"), MetricUnit.Kilogram, MetricKind.OneRepMax, $"Deep{control}squat"));

        Assert.Equal("description", error.ParameterName);
    }

    [Fact]
    public void A_description_keeps_its_line_breaks_and_tabs()
    {
        var definition = MetricDefinition.Create(
            MetricSlug.Parse("squat"), LocalizedName.Of("en", "Squat"), MetricUnit.Kilogram, MetricKind.OneRepMax, "Below parallel.\r\n\tBar on the back.");

        Assert.Equal("Below parallel.\r\n\tBar on the back.", definition.Description);
    }
}
