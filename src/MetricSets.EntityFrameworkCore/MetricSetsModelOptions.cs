namespace MetricSets.EntityFrameworkCore;

/// <summary>
/// Options of the MetricSets model, given to <c>modelBuilder.ApplyMetricSets(...)</c>. They shape the model, which EF Core
/// builds once per context type, so they are set at the call site rather than read from dependency injection.
/// </summary>
public sealed class MetricSetsModelOptions
{
    /// <summary>
    /// Gets or sets the default language of localized names: every name must have a text in it, and it is the last
    /// fallback when resolving a name. A BCP 47 tag; <c>en</c> by default.
    /// </summary>
    public string DefaultLanguage { get; set; } = LocalizedName.FallbackLanguage;

    /// <summary>
    /// Gets or sets whether member metrics record the organization they were recorded in (an extra nullable
    /// <c>organization_id</c> column) and whether staff reads are limited to it. <see cref="MemberMetricProvenance.Restrict"/>
    /// by default: staff of one gym never see what was recorded at another. <see cref="MemberMetricProvenance.None"/> keeps
    /// the schema exactly the seed's, and with it the leak the seed warns about.
    /// </summary>
    public MemberMetricProvenance Provenance { get; set; } = MemberMetricProvenance.Restrict;

    /// <summary>Gets where the host's users table is; <c>users(id)</c> by default.</summary>
    public MetricSetsHostTable Users { get; } = new("users");

    /// <summary>Gets where the host's workouts table is; <c>workouts(id)</c> by default.</summary>
    public MetricSetsHostTable Workouts { get; } = new("workouts");

    /// <summary>Gets where the host's organizations table is; <c>organizations(id)</c> by default.</summary>
    public MetricSetsHostTable Organizations { get; } = new("organizations");
}
