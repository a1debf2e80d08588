using System.Globalization;

namespace MetricSets;

/// <summary>
/// An entry of the global catalogue, such as <c>back_squat_1rm</c>: what is measured, in which unit, under which
/// localized name. The same vocabulary for every organization.
/// </summary>
/// <remarks>
/// The <see cref="Unit"/> must be allowed by the <see cref="Kind"/> (a one-rep max is a mass, a time is a time).
/// <see cref="Slug"/>, <see cref="Unit"/> and <see cref="Kind"/> never change: recorded values depend on them.
/// </remarks>
public sealed class MetricDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="slug">Its machine identifier.</param>
    /// <param name="name">Its localized name.</param>
    /// <param name="unit">The unit values are normally recorded and reported in.</param>
    /// <param name="kind">What it measures.</param>
    /// <param name="description">An optional description; blank means none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="slug"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="MetricValidationException">The id is empty, or <paramref name="kind"/> does not allow <paramref name="unit"/>.</exception>
    public MetricDefinition(MetricDefinitionId id, MetricSlug slug, LocalizedName name, MetricUnit unit, MetricKind kind, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(name);
        if (id.IsEmpty)
        {
            throw new MetricValidationException(nameof(id), id, "A metric definition needs a non-empty id.");
        }

        if (!kind.Allows(unit))
        {
            throw new MetricValidationException(
                nameof(unit),
                unit,
                $"A {kind} metric cannot use the unit {unit.Symbol()} ({unit.Dimension()}); it allows {string.Join(" or ", kind.AllowedDimensions())}.");
        }

        Id = id;
        Slug = slug;
        Name = name;
        Unit = unit;
        Kind = kind;
        Description = Normalize(description);
    }

    // For EF Core materialization only.
    private MetricDefinition()
    {
        Slug = null!;
        Name = null!;
    }

    /// <summary>Gets the id.</summary>
    public MetricDefinitionId Id { get; private set; }

    /// <summary>Gets the machine identifier; it never changes.</summary>
    public MetricSlug Slug { get; private set; }

    /// <summary>Gets the localized name.</summary>
    public LocalizedName Name { get; private set; }

    /// <summary>Gets the unit values are normally recorded and reported in.</summary>
    public MetricUnit Unit { get; private set; }

    /// <summary>Gets what the definition measures.</summary>
    public MetricKind Kind { get; private set; }

    /// <summary>Gets the description, or <see langword="null"/>.</summary>
    public string? Description { get; private set; }

    /// <summary>Creates a definition with a new id.</summary>
    /// <param name="slug">Its machine identifier.</param>
    /// <param name="name">Its localized name.</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="kind">What it measures.</param>
    /// <param name="description">An optional description.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="MetricValidationException"><paramref name="kind"/> does not allow <paramref name="unit"/>.</exception>
    public static MetricDefinition Create(MetricSlug slug, LocalizedName name, MetricUnit unit, MetricKind kind, string? description = null) =>
        new(MetricDefinitionId.New(), slug, name, unit, kind, description);

    /// <summary>Replaces the localized name.</summary>
    /// <param name="name">The new name.</param>
    public void Rename(LocalizedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>Replaces the description; blank clears it.</summary>
    /// <param name="description">The new description.</param>
    public void Describe(string? description) => Description = Normalize(description);

    /// <summary>
    /// Checks that <paramref name="value"/> may be recorded for this definition: its unit converts to <see cref="Unit"/>
    /// and its amount is plausible for the kind (from zero to <see cref="MetricKindExtensions.PlausibleMaximum"/>, compared
    /// on the exact amount in the dimension's base unit, whatever the unit it is given in).
    /// </summary>
    /// <param name="value">The value to record.</param>
    /// <exception cref="MetricValidationException">The value's unit or amount is not acceptable; the message says which.</exception>
    public void EnsureAccepts(MetricValue value)
    {
        if (!value.Unit.IsConvertibleTo(Unit))
        {
            throw new MetricValidationException(
                nameof(value),
                value,
                $"{Slug} is a {Kind} metric in {Unit.Symbol()} ({Unit.Dimension()}); a value in {value.Unit.Symbol()} ({value.Dimension}) cannot be recorded for it.");
        }

        // Every dimension we model is a magnitude: a negative mass, length, time, count or rate is a typo, not data.
        if (value.Amount < 0)
        {
            throw new MetricValidationException(nameof(value), value, $"{value} for {Slug} is negative; a {value.Dimension} cannot be below zero.");
        }

        var maximum = Kind.PlausibleMaximum(value.Dimension);
        if (value.Amount * value.Unit.BaseFactor() > maximum)
        {
            var baseUnit = MetricUnitExtensions.All.First(unit => unit.Dimension() == value.Dimension && unit.BaseFactor() == 1m);
            throw new MetricValidationException(
                nameof(value),
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{value} for {Slug} is not plausible for a {Kind} metric: it must be within 0 and {MetricValue.Of(maximum, baseUnit)}."));
        }
    }

    private static string? Normalize(string? description) =>
        string.IsNullOrWhiteSpace(description)
            ? null
            : TextRules.EnsureNoControlCharacters(description.Trim(), nameof(description), "A description", multiline: true);
}
