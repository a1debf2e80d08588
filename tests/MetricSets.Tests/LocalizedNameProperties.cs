using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public class LocalizedNameProperties
{
    private static readonly string[] Tags = ["en", "he", "ru", "he-IL", "ru-RU", "pt-BR", "pt", "sr-Latn", "sr-Latn-RS", "es-419", "zh-Hans-CN", "fil"];

    // Letters of several scripts, digits, punctuation and spaces: texts need not be ASCII.
    private static readonly char[] TextChars = "abcXYZ019 -.'()סקוואטשלוםприседЧучањ1ПМ".ToCharArray();

    private static Gen<string> NonBlankText { get; } =
        Gen.NonEmptyListOf(Gen.Elements(TextChars))
            .Select(chars => new string([.. chars]))
            .Where(text => !string.IsNullOrWhiteSpace(text));

    // A name given as raw pairs: distinct tags (in random casing), texts with random surrounding spaces, and a default.
    private static Gen<(KeyValuePair<string, string>[] Pairs, string Default)> RawNames { get; } =
        from tags in Gen.SubListOf(Tags).Where(tags => tags.Count > 0)
        from defaultIndex in Gen.Choose(0, tags.Count - 1)
        from pairs in Gen.CollectToArray(tags, tag =>
            from text in NonBlankText
            from upper in Gen.Elements(true, false)
            from padding in Gen.Elements(string.Empty, " ", "\t ")
            select new KeyValuePair<string, string>(upper ? tag.ToUpperInvariant() : tag, padding + text + padding))
        select (pairs, tags[defaultIndex]);

    [Property]
    public Property Texts_round_trip_through_Create_to_an_equal_name()
    {
        return Prop.ForAll(RawNames.ToArbitrary(), raw =>
        {
            var name = LocalizedName.Create(raw.Pairs, raw.Default);

            var copy = LocalizedName.Create(name.Texts, name.DefaultLanguage);

            Assert.Equal(name, copy);
            Assert.Equal(name.GetHashCode(), copy.GetHashCode());
            Assert.Equal(name.Texts, copy.Texts);
        });
    }

    [Property]
    public Property Create_normalizes_every_tag_and_trims_every_text()
    {
        return Prop.ForAll(RawNames.ToArbitrary(), raw =>
        {
            var name = LocalizedName.Create(raw.Pairs, raw.Default);

            Assert.Equal(raw.Pairs.Length, name.Texts.Count);
            foreach (var (tag, text) in raw.Pairs)
            {
                var canonical = Tags.Single(known => string.Equals(known, tag, StringComparison.OrdinalIgnoreCase));
                Assert.Equal(text.Trim(), name.Texts[canonical], StringComparer.Ordinal);
            }

            Assert.Equal(raw.Default, name.DefaultLanguage);
        });
    }

    [Property]
    public Property Resolve_returns_the_nearest_tag_on_the_parent_chain_or_the_default()
    {
        return Prop.ForAll(RawNames.ToArbitrary(), Gen.Elements(Tags).ToArbitrary(), (raw, requested) =>
        {
            var name = LocalizedName.Create(raw.Pairs, raw.Default);

            // The chain of a tag: he-IL → he, sr-Latn-RS → sr-Latn → sr.
            var chain = new List<string>();
            for (var tag = requested; tag.Length > 0; tag = tag.Contains('-', StringComparison.Ordinal) ? tag[..tag.LastIndexOf('-')] : string.Empty)
            {
                chain.Add(tag);
            }

            var expected = chain.Select(tag => name.Texts.GetValueOrDefault(tag)).FirstOrDefault(text => text is not null) ?? name.DefaultText;
            Assert.Equal(expected, name.Resolve(requested));
            Assert.Equal(expected, name.Resolve(requested.ToUpperInvariant()));
            Assert.Equal(name.Texts.ContainsKey(requested), name.TryGetExact(requested, out _));
        });
    }

    [Property]
    public Property A_tag_repeated_in_other_casing_is_always_rejected()
    {
        return Prop.ForAll(RawNames.ToArbitrary(), raw =>
        {
            var duplicate = raw.Pairs[0];
            var repeated = new KeyValuePair<string, string>(
                duplicate.Key.Any(char.IsLower) ? duplicate.Key.ToUpperInvariant() : duplicate.Key.ToLowerInvariant(),
                "other");

            var exception = Assert.Throws<MetricValidationException>(() => LocalizedName.Create([.. raw.Pairs, repeated], raw.Default));

            Assert.Equal("texts", exception.ParameterName);
        });
    }
}
