using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MetricSets.Serialization;

namespace MetricSets;

/// <summary>
/// The machine identifier of a <see cref="MetricDefinition"/>, such as <c>back_squat_1rm</c>: the same in every gym.
/// </summary>
/// <remarks>
/// <para>
/// A slug is lowercase snake_case: it starts with a letter <c>a-z</c>, contains only <c>a-z</c>, <c>0-9</c> and single
/// underscores between words, and is 1 to <see cref="MaxLength"/> characters long (<c>varchar(100)</c>).
/// A definition's slug never changes once created.
/// </para>
/// <para>Equality is ordinal on <see cref="Value"/>.</para>
/// <para>
/// Text and binding: <see cref="ToString"/> is <see cref="Value"/>, and <see cref="Parse(string)"/> reads it back. The
/// type implements <see cref="ISpanParsable{TSelf}"/> so that ASP.NET Core binds it from routes and query strings, and has
/// a <see cref="TypeConverter"/> (string) for MVC and configuration. Unlike <see cref="IParsable{TSelf}"/>'s usual
/// <see cref="FormatException"/>, every <c>Parse</c> overload throws <see cref="MetricValidationException"/> for text that
/// is not a slug, because that is a rule of the model, with the same message as the factory.
/// </para>
/// <para>
/// JSON (<see cref="MetricSlugJsonConverter"/>): a string, such as <c>"back_squat_1rm"</c>, also as a dictionary key;
/// reading anything else throws <see cref="System.Text.Json.JsonException"/> with the validation message.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
[JsonConverter(typeof(MetricSlugJsonConverter))]
[TypeConverter(typeof(ParsableTypeConverter<MetricSlug>))]
public sealed class MetricSlug : IEquatable<MetricSlug>, ISpanParsable<MetricSlug>
{
    /// <summary>The longest slug, in characters.</summary>
    public const int MaxLength = 100;

    private MetricSlug(string value) => Value = value;

    /// <summary>Gets the slug text.</summary>
    public string Value { get; }

    /// <summary>Parses <paramref name="value"/> as a slug.</summary>
    /// <param name="value">The text, for example <c>back_squat_1rm</c>.</param>
    /// <returns>The slug.</returns>
    /// <exception cref="MetricValidationException"><paramref name="value"/> is empty, too long or not snake_case.</exception>
    public static MetricSlug Parse(string value) =>
        new(SnakeCaseCode.Validate(value, MaxLength, "metric slug", nameof(value)));

    /// <summary>Tries to parse <paramref name="value"/> as a slug.</summary>
    /// <param name="value">The text.</param>
    /// <param name="slug">The slug, when <paramref name="value"/> is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid slug.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out MetricSlug? slug)
    {
        slug = SnakeCaseCode.IsValid(value, MaxLength) ? new MetricSlug(value!) : null;
        return slug is not null;
    }

    // The members of ISpanParsable serve ASP.NET Core binding and generic code. They are explicit so that a call to
    // Parse(string) does not trip CA1305 in the host (a slug ignores the provider); they throw what Parse(string) throws.
    static MetricSlug IParsable<MetricSlug>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static MetricSlug ISpanParsable<MetricSlug>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString());

    static bool IParsable<MetricSlug>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out MetricSlug result) =>
        TryParse(s, out result);

    static bool ISpanParsable<MetricSlug>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out MetricSlug result) =>
        TryParse(s.ToString(), out result);

    /// <inheritdoc />
    public bool Equals(MetricSlug? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricSlug);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the slug text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <summary>Determines whether two slugs are equal.</summary>
    /// <param name="left">The first slug.</param>
    /// <param name="right">The second slug.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricSlug? left, MetricSlug? right) => Equals(left, right);

    /// <summary>Determines whether two slugs differ.</summary>
    /// <param name="left">The first slug.</param>
    /// <param name="right">The second slug.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricSlug? left, MetricSlug? right) => !Equals(left, right);
}
