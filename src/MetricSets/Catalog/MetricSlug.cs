using System.Diagnostics.CodeAnalysis;

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
/// </remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricSlug : IEquatable<MetricSlug>
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
    public static bool TryParse(string? value, [NotNullWhen(true)] out MetricSlug? slug)
    {
        try
        {
            slug = Parse(value!);
            return true;
        }
        catch (MetricValidationException)
        {
            slug = null;
            return false;
        }
    }

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
