using MetricSets;
using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Mapping;
using MetricSets.EntityFrameworkCore.Storage;

// Same namespace as ModelBuilder, as Npgsql and EFCore.NamingConventions do, so the method is found without a using.
// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>MetricSets extension methods for <see cref="ModelBuilder"/>.</summary>
public static class MetricSetsModelBuilderExtensions
{
    /// <summary>The model annotation that records the configured default language of localized names.</summary>
    internal const string DefaultLanguageAnnotation = "MetricSets:DefaultLanguage";

    /// <summary>The model annotation that records the <see cref="MemberMetricProvenance"/>.</summary>
    internal const string ProvenanceAnnotation = "MetricSets:Provenance";

    /// <summary>
    /// Adds the MetricSets tables (<c>metric_definitions</c>, <c>metric_sets</c>, <c>metric_set_definitions</c>,
    /// <c>member_metrics</c>), their PostgreSQL enums, constraints and indexes to the host's model, exactly as the seed
    /// schema declares them. Call it from <see cref="DbContext.OnModelCreating(ModelBuilder)"/>, and call
    /// <c>UseMetricSets()</c> on the Npgsql options too.
    /// </summary>
    /// <param name="modelBuilder">The model builder of the host application's context.</param>
    /// <param name="configure">Configures the default language and where the host's users, workouts and organizations tables are.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="MetricValidationException">The configured default language is not a well-formed tag.</exception>
    /// <example>
    /// <code>
    /// protected override void OnModelCreating(ModelBuilder modelBuilder)
    ///     => modelBuilder.ApplyMetricSets(o => o.Users.UseEntity&lt;AppUser&gt;());
    /// </code>
    /// </example>
    public static ModelBuilder ApplyMetricSets(this ModelBuilder modelBuilder, Action<MetricSetsModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new MetricSetsModelOptions();
        configure?.Invoke(options);

        var defaultLanguage = LocalizedName.NormalizeLanguageTag(options.DefaultLanguage);
        modelBuilder.HasAnnotation(DefaultLanguageAnnotation, defaultLanguage);
        modelBuilder.HasAnnotation(ProvenanceAnnotation, options.Provenance.ToString());

        // Explicit label order: Npgsql's convention would sort the labels alphabetically, and PostgreSQL orders enums by
        // declared position.
        // The enums live in the model's default schema, like the tables; UseMetricSets(schema) must name the same one.
        var enumSchema = modelBuilder.Model.GetDefaultSchema();
        modelBuilder.HasPostgresEnum(enumSchema, SchemaNames.UnitEnum, PostgresEnumLabels.Units);
        modelBuilder.HasPostgresEnum(enumSchema, SchemaNames.KindEnum, PostgresEnumLabels.Kinds);

        HostTableConfiguration.AddStub(modelBuilder, options.Users);
        HostTableConfiguration.AddStub(modelBuilder, options.Workouts);
        HostTableConfiguration.AddStub(modelBuilder, options.Organizations);

        modelBuilder
            .ApplyConfiguration(new MetricDefinitionConfiguration(defaultLanguage))
            .ApplyConfiguration(new MetricSetConfiguration(options))
            .ApplyConfiguration(new MetricSetEntryConfiguration())
            .ApplyConfiguration(new MemberMetricConfiguration(options));

        // The flat reads' table (and, through the migrations SQL generator, its triggers and the base-amount index) comes
        // with provenance; MemberMetricProvenance.None stays the seed exactly.
        if (options.Provenance != MemberMetricProvenance.None)
        {
            LatestValuesConfiguration.Configure(modelBuilder);
        }

        return modelBuilder;
    }
}
