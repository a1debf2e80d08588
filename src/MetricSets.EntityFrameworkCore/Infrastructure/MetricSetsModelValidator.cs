using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Checks at start-up that the host wired both halves: <c>ApplyMetricSets()</c> in the model and <c>UseMetricSets()</c>
/// on the Npgsql options. Either mistake otherwise surfaces later as an obscure SQL error.
/// </summary>
internal sealed class MetricSetsModelValidator<TContext>(IServiceScopeFactory scopeFactory) : IValidateOptions<MetricSetsOptions>
    where TContext : DbContext
{
    public ValidateOptionsResult Validate(string? name, MetricSetsOptions options)
    {
        using var scope = scopeFactory.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var contextName = typeof(TContext).Name;
        if (!options.Memberships.IsMapped && scope.ServiceProvider.GetService<IMembershipDirectory>() is null)
        {
            return ValidateOptionsResult.Fail(
                "MetricSets does not know who belongs where, and ships no default on purpose (access is deny-by-default): describe your memberships table, for example AddMetricSets<TContext>(o => o.Memberships.UseEntity<Membership>()), or register your IMembershipDirectory, for example services.AddScoped<IMembershipDirectory, GymMembershipDirectory>().");
        }

        string? defaultLanguage;
        try
        {
            defaultLanguage = ModelSettings.DefaultLanguageOf(context);
        }
        catch (InvalidOperationException exception)
        {
            // Without UseMetricSets() the provider cannot map Instant, so building the model itself fails.
            return ValidateOptionsResult.Fail($"{contextName}'s model cannot be built ({exception.Message}). {MissingUseMetricSets}");
        }

        if (defaultLanguage is null)
        {
            return ValidateOptionsResult.Fail(
                $"{contextName}'s model has no MetricSets tables: call modelBuilder.ApplyMetricSets() in {contextName}.OnModelCreating.");
        }

        var schema = context.Model.GetDefaultSchema();
        var expected = schema is null ? Mapping.SchemaNames.UnitEnum : $"{schema}.{Mapping.SchemaNames.UnitEnum}";
        var unitMapping = context.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(MetricUnit));
        if (unitMapping?.StoreType == expected)
        {
            var failures = MembershipMappingValidator.Validate(context.Model, options.Memberships).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        return unitMapping is null || !unitMapping.StoreType.EndsWith(Mapping.SchemaNames.UnitEnum, StringComparison.Ordinal)
            ? ValidateOptionsResult.Fail($"{contextName} does not map the PostgreSQL enums of MetricSets. {MissingUseMetricSets}")
            : ValidateOptionsResult.Fail(
                $"{contextName}'s model creates the MetricSets enums in schema '{schema ?? "public"}', but UseMetricSets() maps them as '{unitMapping.StoreType}': call UseMetricSets({(schema is null ? string.Empty : $"\"{schema}\"")}) with the model's default schema.");
    }

    private const string MissingUseMetricSets =
        "Call UseMetricSets() on the Npgsql options, as in options.UseNpgsql(connectionString, npgsql => npgsql.UseMetricSets()); it maps NodaTime and the MetricSets enums.";
}
