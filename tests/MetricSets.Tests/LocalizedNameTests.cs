using System.Globalization;

namespace MetricSets.Tests;

public partial class LocalizedNameTests
{
    private const string Hebrew = "1RM סקוואט";
    private const string Russian = "1ПМ присед";

    private static KeyValuePair<string, string> Text(string language, string text) => new(language, text);

    [Fact]
    public void Hebrew_and_Russian_texts_round_trip_unchanged()
    {
        var name = LocalizedName.Create([Text("en", "1RM Back Squat"), Text("he", Hebrew), Text("ru", Russian)]);

        Assert.Equal(Hebrew, name.Texts["he"], StringComparer.Ordinal);
        Assert.Equal(Russian, name.Texts["ru"], StringComparer.Ordinal);
        Assert.Equal(Hebrew, name.Resolve("he"), StringComparer.Ordinal);
        Assert.Equal(Russian, name.Resolve("ru-RU"), StringComparer.Ordinal);
        Assert.Equal(name, LocalizedName.Create(name.Texts, name.DefaultLanguage));
    }

    [Fact]
    public void Create_defaults_to_english_and_keeps_texts_in_ordinal_tag_order()
    {
        var name = LocalizedName.Create([Text("ru", Russian), Text("en", "Back Squat"), Text("he", Hebrew)]);

        Assert.Equal("en", name.DefaultLanguage);
        Assert.Equal("Back Squat", name.DefaultText);
        Assert.Equal("Back Squat", name.ToString());
        Assert.Equal(["en", "he", "ru"], name.Texts.Keys);
    }

    [Fact]
    public void Of_makes_its_language_the_default()
    {
        var name = LocalizedName.Of("HE", Hebrew);

        Assert.Equal("he", name.DefaultLanguage);
        Assert.Equal(Hebrew, name.DefaultText);
        Assert.Single(name.Texts);
    }

    [Fact]
    public void Resolve_falls_back_from_region_to_language()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)]);

        Assert.Equal(Hebrew, name.Resolve("he-IL"));
    }

    [Fact]
    public void Resolve_prefers_the_exact_tag_over_its_parent()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew), Text("he-IL", "סקוואט ישראלי")]);

        Assert.Equal("סקוואט ישראלי", name.Resolve("he-IL"));
        Assert.Equal(Hebrew, name.Resolve("he"));
    }

    [Fact]
    public void Resolve_falls_back_to_the_default_text_when_neither_tag_nor_parent_exists()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("ru", Russian)]);

        Assert.Equal("Back Squat", name.Resolve("he-IL"));
        Assert.Equal("Back Squat", name.Resolve("he"));
    }

    [Fact]
    public void Resolve_falls_back_to_a_non_english_default_language()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("ru", Russian)], defaultLanguage: "ru");

        Assert.Equal(Russian, name.Resolve("he-IL"));
        Assert.Equal("Back Squat", name.Resolve("en-GB"));
    }

    [Fact]
    public void Resolve_walks_script_and_region_parents_in_turn()
    {
        var name = LocalizedName.Create([Text("en", "Squat"), Text("sr", "Чучањ"), Text("sr-Latn", "Čučanj")]);

        Assert.Equal("Čučanj", name.Resolve("sr-Latn-RS"));
        Assert.Equal("Чучањ", name.Resolve("sr-Cyrl-RS"));
        Assert.Equal("Чучањ", name.Resolve("SR-rs"));
    }

    [Fact]
    public void Resolve_ignores_the_casing_of_the_requested_tag()
    {
        var name = LocalizedName.Create([Text("en", "Squat"), Text("pt-BR", "Agachamento")]);

        Assert.Equal("Agachamento", name.Resolve("PT-br"));
        Assert.Equal("Agachamento", name.Resolve("pt-br"));
    }

    [Theory]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("")]
    [InlineData("en\n")]
    public void Resolve_rejects_a_malformed_tag(string language)
    {
        var name = LocalizedName.Of("en", "Squat");

        var exception = Assert.Throws<MetricValidationException>(() => name.Resolve(language));

        Assert.Equal("language", exception.ParameterName);
    }

    [Fact]
    public void Resolve_by_culture_uses_the_culture_name()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew), Text("ru", Russian)]);

        Assert.Equal(Hebrew, name.Resolve(CultureInfo.GetCultureInfo("he-IL")));
        Assert.Equal(Russian, name.Resolve(CultureInfo.GetCultureInfo("ru-RU")));
        Assert.Equal("Back Squat", name.Resolve(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("Back Squat", name.Resolve(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryGetExact_does_not_fall_back()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)]);

        Assert.False(name.TryGetExact("he-IL", out var regional));
        Assert.Null(regional);
        Assert.False(name.TryGetExact("ru", out _));
        Assert.True(name.TryGetExact("he", out var hebrew));
        Assert.Equal(Hebrew, hebrew);
    }

    [Theory]
    [InlineData("HE")]
    [InlineData("He")]
    public void TryGetExact_ignores_casing(string language)
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)]);

        Assert.True(name.TryGetExact(language, out var text));
        Assert.Equal(Hebrew, text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a tag")]
    public void TryGetExact_returns_false_for_a_malformed_tag(string? language)
    {
        Assert.False(LocalizedName.Of("en", "Squat").TryGetExact(language, out _));
    }

    [Theory]
    [InlineData("PT-br", "pt-BR")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("EN", "en")]
    [InlineData("SR-latn-rs", "sr-Latn-RS")]
    [InlineData("zh-HANS", "zh-Hans")]
    [InlineData("es-419", "es-419")]
    [InlineData("FIL", "fil")]
    [InlineData("eN", "en")]
    [InlineData("fiL", "fil")]
    [InlineData("en", "en")]
    public void Tags_are_normalized_to_canonical_casing(string tag, string expected)
    {
        Assert.Equal(expected, LocalizedName.NormalizeLanguageTag(tag));

        var name = LocalizedName.Create([Text(tag, "x")], defaultLanguage: tag);

        Assert.Equal([expected], name.Texts.Keys);
        Assert.Equal(expected, name.DefaultLanguage);
    }

    [Fact]
    public void The_default_language_is_normalized_too()
    {
        var name = LocalizedName.Create([Text("pt-br", "Agachamento")], defaultLanguage: "PT-BR");

        Assert.Equal("pt-BR", name.DefaultLanguage);
        Assert.Equal("Agachamento", name.DefaultText);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("engl")]
    [InlineData("e")]
    [InlineData("e1")]
    [InlineData("en_US")]
    [InlineData("en-")]
    [InlineData("en-USA")]
    [InlineData("en-Latn-US-x")]
    [InlineData("")]
    [InlineData(" en")]
    public void NormalizeLanguageTag_rejects_malformed_tags(string tag)
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.NormalizeLanguageTag(tag));

        Assert.Equal("language", exception.ParameterName);
        Assert.Equal(tag, exception.AttemptedValue);
    }

    [Fact]
    public void A_missing_default_language_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([Text("he", Hebrew), Text("ru", Russian)]));

        Assert.Equal("texts", exception.ParameterName);
        Assert.Contains("'en'", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("it has only: he, ru.", exception.Message, StringComparison.Ordinal);
        Assert.Equal("he, ru", exception.AttemptedValue);
    }

    [Fact]
    public void A_named_default_language_without_a_text_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([Text("en", "Squat")], defaultLanguage: "ru"));

        Assert.Equal("texts", exception.ParameterName);
    }

    [Fact]
    public void An_empty_name_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([]));

        Assert.EndsWith("it has only: none.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_default_language_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([Text("en", "Squat")], defaultLanguage: "english"));

        Assert.Equal("defaultLanguage", exception.ParameterName);
    }

    [Fact]
    public void A_malformed_tag_among_the_texts_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([Text("en", "Squat"), Text("hebrew", Hebrew)]));

        Assert.Equal("texts", exception.ParameterName);
        Assert.Equal("hebrew", exception.AttemptedValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData("\u00A0")]
    [InlineData(null)]
    public void A_blank_text_is_rejected(string? text)
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([Text("en", "Squat"), Text("he", text!)]));

        Assert.Equal("texts", exception.ParameterName);
    }

    [Fact]
    public void A_blank_default_text_is_rejected_by_Of()
    {
        Assert.Throws<MetricValidationException>(() => LocalizedName.Of("en", "   "));
    }

    [Theory]
    [InlineData("en", "EN")]
    [InlineData("pt-BR", "pt-br")]
    [InlineData("he", "he")]
    public void A_tag_repeated_in_any_casing_is_rejected(string first, string second)
    {
        var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([Text("en", "Squat"), Text(first, "a"), Text(second, "b")]));

        Assert.Equal("texts", exception.ParameterName);
        Assert.Contains("more than once", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_texts_are_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => LocalizedName.Create(null!));
    }

    [Fact]
    public void Texts_are_trimmed()
    {
        var name = LocalizedName.Create([Text("en", "  Back Squat \t"), Text("he", $" {Hebrew} ")]);

        Assert.Equal("Back Squat", name.DefaultText);
        Assert.Equal(Hebrew, name.Texts["he"]);
    }

    [Fact]
    public void With_adds_or_replaces_one_text_and_leaves_the_original_alone()
    {
        var original = LocalizedName.Of("en", "Back Squat");

        var added = original.With("HE", Hebrew);
        var replaced = added.With("en", "Squat");

        Assert.Single(original.Texts);
        Assert.Equal(Hebrew, added.Texts["he"]);
        Assert.Equal("Back Squat", added.DefaultText);
        Assert.Equal("Squat", replaced.DefaultText);
        Assert.Equal(Hebrew, replaced.Texts["he"]);
        Assert.Equal("en", replaced.DefaultLanguage);
    }

    [Fact]
    public void With_rejects_a_blank_text_and_a_malformed_tag()
    {
        var name = LocalizedName.Of("en", "Back Squat");

        Assert.Throws<MetricValidationException>(() => name.With("en", " "));
        Assert.Equal("language", Assert.Throws<MetricValidationException>(() => name.With("english", "x")).ParameterName);
    }

    [Fact]
    public void Equality_is_by_content_whatever_the_input_order_and_casing()
    {
        var left = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)]);
        var right = LocalizedName.Create([Text("HE", $" {Hebrew}"), Text("EN", "Back Squat")]);

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Names_differing_in_default_language_text_or_tags_are_not_equal()
    {
        var name = LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)]);

        Assert.NotEqual(name, LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)], defaultLanguage: "he"));
        Assert.NotEqual(name, LocalizedName.Create([Text("en", "Back squat"), Text("he", Hebrew)]));
        Assert.NotEqual(name, LocalizedName.Create([Text("en", "Back Squat"), Text("he-IL", Hebrew)]));
        Assert.NotEqual(name, LocalizedName.Of("en", "Back Squat"));
        Assert.True(name != LocalizedName.Of("en", "Back Squat"));
        Assert.False(name.Equals(null));
        Assert.False(name == null);
        Assert.True((LocalizedName?)null == null);
    }

    [Fact]
    public void Hash_codes_tell_apart_names_differing_in_default_language_tag_or_text()
    {
        // Unequal names may share a hash code in principle; these differ in one component each, and the hash mixes all.
        var names = new[]
        {
            LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)]),
            LocalizedName.Create([Text("en", "Back Squat"), Text("he", Hebrew)], defaultLanguage: "he"),
            LocalizedName.Create([Text("en", "Back squat"), Text("he", Hebrew)]),
            LocalizedName.Create([Text("en", "Back Squat"), Text("he-IL", Hebrew)]),
            LocalizedName.Create([Text("en", "Back Squat"), Text("he", Russian)]),
        };

        Assert.Equal(names.Length, names.Select(name => name.GetHashCode()).Distinct().Count());
    }

    [Fact]
    public void Resolve_by_a_null_culture_is_a_programming_error()
    {
        var name = LocalizedName.Of("en", "Squat");

        Assert.Equal("culture", Assert.Throws<ArgumentNullException>(() => name.Resolve((System.Globalization.CultureInfo)null!)).ParamName);
    }
}
