using Npgsql;
using Npgsql.NameTranslation;

namespace MetricSets.Benchmarks.Data;

/// <summary>
/// What a host writing raw Npgsql does to read the library's enums: map <c>metric_unit</c> by unit symbol and
/// <c>metric_kind</c> by snake_case name on its own data source.
/// </summary>
public static class EnumTranslators
{
    /// <summary>Maps both enums on <paramref name="builder"/>.</summary>
    public static NpgsqlDataSourceBuilder MapMetricEnums(this NpgsqlDataSourceBuilder builder)
    {
        builder.MapEnum<MetricUnit>("metric_unit", new UnitSymbolTranslator());
        builder.MapEnum<MetricKind>("metric_kind", new NpgsqlSnakeCaseNameTranslator());
        return builder;
    }

    private sealed class UnitSymbolTranslator : INpgsqlNameTranslator
    {
        private static readonly NpgsqlSnakeCaseNameTranslator SnakeCase = new();

        public string TranslateTypeName(string clrName) => SnakeCase.TranslateTypeName(clrName);

        public string TranslateMemberName(string clrName) => Enum.Parse<MetricUnit>(clrName).Symbol();
    }
}
