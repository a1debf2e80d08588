using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>Reads the default language that <c>ApplyMetricSets</c> recorded in the model.</summary>
internal static class DefaultLanguage
{
    public static string? Of(DbContext context) =>
        context.Model.FindAnnotation(MetricSetsModelBuilderExtensions.DefaultLanguageAnnotation)?.Value as string;

    public static string Require(DbContext context) =>
        Of(context) ?? throw new InvalidOperationException(
            $"{context.GetType().Name}'s model has no MetricSets tables: call modelBuilder.ApplyMetricSets() in OnModelCreating.");

    /// <summary>
    /// Returns <paramref name="name"/> with the model's default language as its own, so it reads back equal; throws when
    /// it has no text in that language.
    /// </summary>
    public static LocalizedName Rebase(DbContext context, LocalizedName name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        var language = Require(context);
        return name.TryGetExact(language, out _)
            ? LocalizedName.Create(name.Texts, language)
            : throw new MetricValidationException(
                parameterName,
                name,
                $"The name has no text in the default language '{language}' (it has: {string.Join(", ", name.Texts.Keys)}).");
    }
}
