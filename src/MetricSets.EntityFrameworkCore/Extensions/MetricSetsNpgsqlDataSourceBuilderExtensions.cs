using MetricSets;
using MetricSets.EntityFrameworkCore.Mapping;
using MetricSets.EntityFrameworkCore.Storage;

// ReSharper disable once CheckNamespace
namespace Npgsql;

/// <summary>MetricSets extension methods for <see cref="NpgsqlDataSourceBuilder"/>.</summary>
public static class MetricSetsNpgsqlDataSourceBuilderExtensions
{
    /// <summary>
    /// Maps on a data source what <c>UseMetricSets()</c> maps on EF Core's Npgsql options: NodaTime, and the enums
    /// <c>metric_unit</c> (by unit symbol: <c>kg</c>, <c>%</c>, …) and <c>metric_kind</c> (snake_case) with the labels the
    /// library stores. Needed for a data source the host builds itself: one given to <c>UseNpgsql</c>, or the replica's
    /// (<c>MetricSetsReplicaOptions.DataSource</c>).
    /// </summary>
    /// <param name="builder">The data source builder.</param>
    /// <param name="schema">The schema of the enums, as given to <c>UseMetricSets(schema)</c>; <see langword="null"/> for <c>public</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <example>
    /// <code>
    /// var replica = new NpgsqlDataSourceBuilder("Host=standby1,standby2;Database=gym;Username=app").UseMetricSets().BuildMultiHost();
    /// services.AddMetricSets&lt;GymDbContext&gt;(o =&gt; o.Replicas.DataSource = replica.WithTargetSession(TargetSessionAttributes.Standby));
    /// </code>
    /// </example>
    public static NpgsqlDataSourceBuilder UseMetricSets(this NpgsqlDataSourceBuilder builder, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNodaTime();
        builder.MapEnum<MetricUnit>(Qualified(schema, SchemaNames.UnitEnum), PostgresEnumLabels.UnitTranslator);
        builder.MapEnum<MetricKind>(Qualified(schema, SchemaNames.KindEnum), PostgresEnumLabels.KindTranslator);
        return builder;
    }

    private static string Qualified(string? schema, string name) => schema is null ? name : $"{schema}.{name}";
}
