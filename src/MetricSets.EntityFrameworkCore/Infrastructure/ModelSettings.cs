using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>Reads the settings that <c>ApplyMetricSets</c> recorded in the model: the default language and the provenance.</summary>
internal static class ModelSettings
{
    public static string? DefaultLanguageOf(DbContext context) =>
        context.Model.FindAnnotation(MetricSetsModelBuilderExtensions.DefaultLanguageAnnotation)?.Value as string;

    /// <summary>Gets the <see cref="MemberMetricProvenance"/> the model was built with.</summary>
    public static MemberMetricProvenance Provenance(DbContext context) => Provenance(context.Model);

    /// <summary>Gets the <see cref="MemberMetricProvenance"/> a model was built with.</summary>
    public static MemberMetricProvenance Provenance(IModel model) =>
        Enum.Parse<MemberMetricProvenance>(
            model.FindAnnotation(MetricSetsModelBuilderExtensions.ProvenanceAnnotation)?.Value as string ?? nameof(MemberMetricProvenance.None));

    public static string RequireDefaultLanguage(DbContext context) =>
        DefaultLanguageOf(context) ?? throw new InvalidOperationException(
            $"{context.GetType().Name}'s model has no MetricSets tables: call modelBuilder.ApplyMetricSets() in OnModelCreating.");

    /// <summary>
    /// Returns <paramref name="name"/> with the model's default language as its own, so it reads back equal; throws when
    /// it has no text in that language.
    /// </summary>
    public static LocalizedName Rebase(DbContext context, LocalizedName name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        var language = RequireDefaultLanguage(context);
        return name.TryGetExact(language, out _)
            ? LocalizedName.Create(name.Texts, language)
            : throw new MetricValidationException(
                parameterName,
                name,
                $"The name has no text in the default language '{language}' (it has: {string.Join(", ", name.Texts.Keys)}).");
    }
}
