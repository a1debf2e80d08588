using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using MetricSets.Serialization;

namespace MetricSets;

/// <summary>
/// A name with one text per language, such as <c>{ "en": "1RM Back Squat", "he": "1RM סקוואט", "ru": "1ПМ присед" }</c>:
/// the <c>name_i18n</c> jsonb object of a metric definition.
/// </summary>
/// <remarks>
/// <para>
/// Keys are BCP 47 language tags of the form <c>language[-Script][-REGION]</c>, normalized to canonical casing
/// (<c>PT-br</c> becomes <c>pt-BR</c>); a tag may appear once. Texts are trimmed and never empty. The
/// <see cref="DefaultLanguage"/> (<c>en</c> unless the creator names another) always has a text.
/// Texts are stored exactly as given after trimming, so Hebrew and Russian round-trip unchanged.
/// </para>
/// <para>
/// <see cref="Resolve(string)"/> falls back from the exact tag to its parents (<c>he-IL</c>, then <c>he</c>) and then to the
/// default language; <see cref="TryGetExact"/> does no fallback.
/// </para>
/// <para>
/// Equality is by content: the same default language and the same tags with ordinally equal texts.
/// </para>
/// <para>
/// JSON (<see cref="LocalizedNameJsonConverter"/>): the jsonb object, <c>{"en": "1RM Back Squat", "he": "1RM סקוואט"}</c>,
/// the default language first. Reading takes <c>en</c> as the default language when it has a text, otherwise the first
/// key; text the model rejects throws <see cref="System.Text.Json.JsonException"/> with the reason.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
[JsonConverter(typeof(LocalizedNameJsonConverter))]
public sealed class LocalizedName : IEquatable<LocalizedName>
{
    /// <summary>The default language when none is named: <c>en</c>.</summary>
    public const string FallbackLanguage = "en";

    private readonly ImmutableSortedDictionary<string, string> _texts;

    private LocalizedName(ImmutableSortedDictionary<string, string> texts, string defaultLanguage)
    {
        _texts = texts;
        DefaultLanguage = defaultLanguage;
    }

    /// <summary>Gets the language whose text is the last resort of <see cref="Resolve(string)"/>.</summary>
    public string DefaultLanguage { get; }

    /// <summary>Gets the text in <see cref="DefaultLanguage"/>.</summary>
    public string DefaultText => _texts[DefaultLanguage];

    /// <summary>Gets every text by normalized language tag, in ordinal order of the tags.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>Returns a name with a single text in <paramref name="language"/>, which becomes the default language.</summary>
    /// <param name="language">A BCP 47 tag, for example <c>en</c>.</param>
    /// <param name="text">The text.</param>
    /// <returns>The name.</returns>
    /// <exception cref="MetricValidationException">The tag is malformed or the text is blank.</exception>
    public static LocalizedName Of(string language, string text) =>
        Create([new KeyValuePair<string, string>(language, text)], language);

    /// <summary>Returns a name with the given texts.</summary>
    /// <param name="texts">Language tag → text pairs.</param>
    /// <param name="defaultLanguage">The language that must have a text and is the last fallback; <c>en</c> by default.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is <see langword="null"/>.</exception>
    /// <exception cref="MetricValidationException">
    /// A tag is malformed or repeated (in any casing), a text is blank, or <paramref name="defaultLanguage"/> has no text.
    /// </exception>
    public static LocalizedName Create(IEnumerable<KeyValuePair<string, string>> texts, string defaultLanguage = FallbackLanguage)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var defaultTag = LanguageTag.Normalize(defaultLanguage, nameof(defaultLanguage));
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
        {
            var tag = LanguageTag.Normalize(language, nameof(texts));
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new MetricValidationException(nameof(texts), text, $"The text for language '{tag}' must not be blank.");
            }

            if (!builder.TryAdd(tag, TextRules.EnsureNoControlCharacters(text.Trim(), nameof(texts), $"The text for language '{tag}'")))
            {
                throw new MetricValidationException(nameof(texts), language, $"The language '{tag}' appears more than once.");
            }
        }

        if (!builder.ContainsKey(defaultTag))
        {
            throw new MetricValidationException(
                nameof(texts),
                string.Join(", ", builder.Keys),
                $"A localized name must have a text in its default language '{defaultTag}'; it has only: {(builder.Count == 0 ? "none" : string.Join(", ", builder.Keys))}.");
        }

        return new LocalizedName(builder.ToImmutable(), defaultTag);
    }

    /// <summary>Returns the canonical form of a BCP 47 language tag (<c>PT-br</c> → <c>pt-BR</c>).</summary>
    /// <param name="language">A tag of the form <c>language[-Script][-REGION]</c>.</param>
    /// <returns>The tag in canonical casing.</returns>
    /// <exception cref="MetricValidationException"><paramref name="language"/> is not a well-formed tag of that form.</exception>
    public static string NormalizeLanguageTag(string language) => LanguageTag.Normalize(language, nameof(language));

    /// <summary>Returns a copy with <paramref name="text"/> set for <paramref name="language"/>.</summary>
    /// <param name="language">A BCP 47 tag.</param>
    /// <param name="text">The text.</param>
    /// <returns>The new name.</returns>
    /// <exception cref="MetricValidationException">The tag is malformed or the text is blank.</exception>
    public LocalizedName With(string language, string text) =>
        Create(_texts.SetItem(LanguageTag.Normalize(language, nameof(language)), text), DefaultLanguage);

    /// <summary>Gets the text for exactly <paramref name="language"/>, with no fallback.</summary>
    /// <param name="language">A BCP 47 tag, in any casing.</param>
    /// <param name="text">The text, when there is one.</param>
    /// <returns><see langword="true"/> when the name has a text for that exact tag.</returns>
    public bool TryGetExact(string? language, [NotNullWhen(true)] out string? text)
    {
        text = null;
        return LanguageTag.TryNormalize(language, out var tag) && _texts.TryGetValue(tag, out text);
    }

    /// <summary>
    /// Gets the best text for <paramref name="language"/>: the exact tag, then each parent (<c>he-IL</c> → <c>he</c>),
    /// then <see cref="DefaultLanguage"/>.
    /// </summary>
    /// <param name="language">A BCP 47 tag, in any casing.</param>
    /// <returns>The text; never <see langword="null"/>.</returns>
    /// <exception cref="MetricValidationException"><paramref name="language"/> is not a well-formed tag.</exception>
    public string Resolve(string language)
    {
        for (string? tag = LanguageTag.Normalize(language, nameof(language)); tag is not null; tag = LanguageTag.Parent(tag))
        {
            if (_texts.TryGetValue(tag, out var text))
            {
                return text;
            }
        }

        return DefaultText;
    }

    /// <summary>Gets the best text for <paramref name="culture"/>, as <see cref="Resolve(string)"/> does for its name.</summary>
    /// <param name="culture">The culture; the invariant culture resolves to the default language.</param>
    /// <returns>The text; never <see langword="null"/>.</returns>
    public string Resolve(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return LanguageTag.TryNormalize(culture.Name, out var tag) ? Resolve(tag) : DefaultText;
    }

    /// <inheritdoc />
    public bool Equals(LocalizedName? other) =>
        other is not null
        && string.Equals(DefaultLanguage, other.DefaultLanguage, StringComparison.Ordinal)
        && _texts.Count == other._texts.Count
        && _texts.All(pair => other._texts.TryGetValue(pair.Key, out var text) && string.Equals(pair.Value, text, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LocalizedName);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DefaultLanguage, StringComparer.Ordinal);
        foreach (var (tag, text) in _texts)
        {
            hash.Add(tag, StringComparer.Ordinal);
            hash.Add(text, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the default text.</summary>
    /// <returns><see cref="DefaultText"/>.</returns>
    public override string ToString() => DefaultText;

    /// <summary>Determines whether two names are equal.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(LocalizedName? left, LocalizedName? right) => Equals(left, right);

    /// <summary>Determines whether two names differ.</summary>
    /// <param name="left">The first name.</param>
    /// <param name="right">The second name.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(LocalizedName? left, LocalizedName? right) => !Equals(left, right);
}
