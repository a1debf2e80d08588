namespace MetricSets;

/// <summary>What <c>IMetricSetResolver.ResolveAsync</c> resolves: a set's definitions with one member's latest values.</summary>
/// <remarks>New optional members may be added in later versions, as properties set with an object initializer.</remarks>
/// <threadsafety>This type is an immutable reference type.</threadsafety>
public sealed class MetricSetResolutionQuery
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="setId">The set.</param>
    /// <param name="memberId">The member whose values to show.</param>
    public MetricSetResolutionQuery(MetricSetId setId, UserId memberId)
    {
        SetId = setId;
        MemberId = memberId;
    }

    /// <summary>Gets the set.</summary>
    public MetricSetId SetId { get; }

    /// <summary>Gets the member whose values to show.</summary>
    public UserId MemberId { get; }

    /// <summary>
    /// Gets the BCP 47 language of the names, for example from <c>Accept-Language</c>; the exact tag, then its parents, then
    /// the catalogue's default language are tried. <see cref="LocalizedName.FallbackLanguage"/> by default.
    /// </summary>
    public string Language { get; init; } = LocalizedName.FallbackLanguage;

    /// <summary>Gets the units the values are reported in; the definition's unit by default.</summary>
    public UnitPreference Units { get; init; } = UnitPreference.DefinitionUnit;
}
