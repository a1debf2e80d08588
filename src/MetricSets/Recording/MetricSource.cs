using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MetricSets.Serialization;

namespace MetricSets;

/// <summary>
/// Where a recorded value came from, such as <see cref="CoachInput"/>: an open set of snake_case codes.
/// </summary>
/// <remarks>
/// <para>
/// A source is lowercase snake_case, 1 to <see cref="MaxLength"/> characters (<c>varchar(50)</c>). The well-known
/// sources are provided as properties; hosts may use their own codes, such as <c>wearable_sync</c>.
/// </para>
/// <para>Equality is ordinal on <see cref="Code"/>.</para>
/// <para>
/// Text and binding: <see cref="ToString"/> is <see cref="Code"/>, and <see cref="Parse(string)"/> reads it back. The
/// type implements <see cref="ISpanParsable{TSelf}"/> (ASP.NET Core binds it from routes and query strings) and has a
/// <see cref="TypeConverter"/> (string). Every <c>Parse</c> overload throws <see cref="MetricValidationException"/>, not
/// <see cref="FormatException"/>, for text that is not a source code: that is a rule of the model.
/// </para>
/// <para>
/// JSON (<see cref="MetricSourceJsonConverter"/>): a string, such as <c>"coach_input"</c>, also as a dictionary key;
/// reading anything else throws <see cref="System.Text.Json.JsonException"/> with the validation message.
/// </para>
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
[JsonConverter(typeof(MetricSourceJsonConverter))]
[TypeConverter(typeof(ParsableTypeConverter<MetricSource>))]
public sealed class MetricSource : IEquatable<MetricSource>, ISpanParsable<MetricSource>
{
    /// <summary>The longest source code, in characters.</summary>
    public const int MaxLength = 50;

    private MetricSource(string code) => Code = code;

    /// <summary>Gets the source <c>coach_input</c>: a coach entered the value.</summary>
    public static MetricSource CoachInput { get; } = new("coach_input");

    /// <summary>Gets the source <c>self_report</c>: the member entered the value.</summary>
    public static MetricSource SelfReport { get; } = new("self_report");

    /// <summary>Gets the source <c>workout_result</c>: the value was derived from a logged workout.</summary>
    public static MetricSource WorkoutResult { get; } = new("workout_result");

    /// <summary>Gets the code, for example <c>coach_input</c>.</summary>
    public string Code { get; }

    /// <summary>Parses <paramref name="code"/> as a source.</summary>
    /// <param name="code">The code, for example <c>self_report</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="MetricValidationException"><paramref name="code"/> is empty, too long or not snake_case.</exception>
    public static MetricSource Parse(string code) =>
        new(SnakeCaseCode.Validate(code, MaxLength, "metric source", nameof(code)));

    /// <summary>Tries to parse <paramref name="code"/> as a source.</summary>
    /// <param name="code">The code.</param>
    /// <param name="source">The source, when <paramref name="code"/> is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a valid source code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out MetricSource? source)
    {
        source = SnakeCaseCode.IsValid(code, MaxLength) ? new MetricSource(code!) : null;
        return source is not null;
    }

    // The members of ISpanParsable serve ASP.NET Core binding and generic code. They are explicit so that a call to
    // Parse(string) does not trip CA1305 in the host (a code ignores the provider); they throw what Parse(string) throws.
    static MetricSource IParsable<MetricSource>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static MetricSource ISpanParsable<MetricSource>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString());

    static bool IParsable<MetricSource>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out MetricSource result) =>
        TryParse(s, out result);

    static bool ISpanParsable<MetricSource>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out MetricSource result) =>
        TryParse(s.ToString(), out result);

    /// <inheritdoc />
    public bool Equals(MetricSource? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricSource);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns the code.</summary>
    /// <returns><see cref="Code"/>.</returns>
    public override string ToString() => Code;

    /// <summary>Determines whether two sources are equal.</summary>
    /// <param name="left">The first source.</param>
    /// <param name="right">The second source.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricSource? left, MetricSource? right) => Equals(left, right);

    /// <summary>Determines whether two sources differ.</summary>
    /// <param name="left">The first source.</param>
    /// <param name="right">The second source.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricSource? left, MetricSource? right) => !Equals(left, right);
}
