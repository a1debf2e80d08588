namespace MetricSets;

/// <summary>
/// Identifies a person: the member a value or a set belongs to.
/// </summary>
/// <remarks>
/// <para>Equality and ordering are those of the wrapped <see cref="Guid"/>.</para>
/// <para>The default value wraps <see cref="Guid.Empty"/> and never identifies a stored row.</para>
/// <para>A member is a user, never a gym membership, so values follow the person across organizations. The host application owns the users table.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type.</threadsafety>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct UserId(Guid Value) : IComparable<UserId>
{
    /// <summary>Creates a new, time-ordered identifier (UUID version 7), which keeps B-tree indexes compact.</summary>
    /// <returns>A new identifier.</returns>
    public static UserId New() => new(Guid.CreateVersion7());

    /// <summary>Gets a value indicating whether this is the default (empty) identifier.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <inheritdoc />
    public int CompareTo(UserId other) => Value.CompareTo(other.Value);

    /// <summary>Determines whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is less than <paramref name="right"/>.</returns>
    public static bool operator <(UserId left, UserId right) => left.CompareTo(right) < 0;

    /// <summary>Determines whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater than <paramref name="right"/>.</returns>
    public static bool operator >(UserId left, UserId right) => left.CompareTo(right) > 0;

    /// <summary>Determines whether <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is less than or equal to <paramref name="right"/>.</returns>
    public static bool operator <=(UserId left, UserId right) => left.CompareTo(right) <= 0;

    /// <summary>Determines whether <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</returns>
    public static bool operator >=(UserId left, UserId right) => left.CompareTo(right) >= 0;

    /// <summary>Returns the identifier in the standard 36-character form, for example <c>0193…-…</c>.</summary>
    /// <returns>The identifier as text.</returns>
    public override string ToString() => Value.ToString();
}
