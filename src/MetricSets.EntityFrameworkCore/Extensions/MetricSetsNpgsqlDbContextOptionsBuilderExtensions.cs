using MetricSets;
using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Mapping;
using MetricSets.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>MetricSets extension methods for <see cref="NpgsqlDbContextOptionsBuilder"/>.</summary>
public static class MetricSetsNpgsqlDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Maps the MetricSets PostgreSQL enums (<c>metric_unit</c>, <c>metric_kind</c>) and NodaTime types on the Npgsql
    /// provider, and generates migrations with the DDL of the flat reads that EF Core's model cannot express (a function,
    /// an expression index and the triggers that keep <c>member_metrics_latest</c>). Required: since Npgsql 9, enums must
    /// be mapped on the options, not only in the model.
    /// </summary>
    /// <param name="optionsBuilder">The Npgsql options builder given to <c>UseNpgsql</c>.</param>
    /// <param name="schema">
    /// The schema of the enums: the host model's default schema when it sets one (<c>HasDefaultSchema</c>), since the
    /// model creates them there; <see langword="null"/> (the default) for <c>public</c>.
    /// </param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// When the host passes its own <c>NpgsqlDataSource</c> to <c>UseNpgsql</c>, it must map the same on that data source:
    /// call <see cref="Npgsql.MetricSetsNpgsqlDataSourceBuilderExtensions.UseMetricSets"/> on its builder.
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddDbContext&lt;GymDbContext&gt;(o =&gt; o.UseNpgsql(connectionString, npgsql =&gt; npgsql.UseMetricSets()));
    /// </code>
    /// </example>
    public static NpgsqlDbContextOptionsBuilder UseMetricSets(this NpgsqlDbContextOptionsBuilder optionsBuilder, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.UseNodaTime();
        optionsBuilder.MapEnum<MetricUnit>(SchemaNames.UnitEnum, schema, PostgresEnumLabels.UnitTranslator);
        optionsBuilder.MapEnum<MetricKind>(SchemaNames.KindEnum, schema, PostgresEnumLabels.KindTranslator);

        // Idle unless MetricSetsOptions.RowLevelSecurity is on: then it tells PostgreSQL who is asking, per statement.
        var options = ((IRelationalDbContextOptionsBuilderInfrastructure)optionsBuilder).OptionsBuilder;

        // Npgsql's migrations SQL, plus the flat reads' function, index and triggers the model cannot express.
        options.ReplaceService<IMigrationsSqlGenerator, MetricSetsMigrationsSqlGenerator>();
        if (options.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(RowLevelSecurityInterceptor.Instance) != true)
        {
            options.AddInterceptors(RowLevelSecurityInterceptor.Instance);
        }

        return optionsBuilder;
    }
}
