using Npgsql;
using Npgsql.NameTranslation;

namespace MetricSets.EntityFrameworkCore.Storage;

/// <summary>
/// The labels of the PostgreSQL enums <c>metric_unit</c> and <c>metric_kind</c>, in declaration order, and the name
/// translators that tell Npgsql the same labels. Both come from the domain enums, so they cannot drift apart.
/// </summary>
internal static class PostgresEnumLabels
{
    private static readonly NpgsqlSnakeCaseNameTranslator SnakeCase = new();

    /// <summary>Gets the <c>metric_unit</c> labels: each unit's symbol (<c>kg</c>, <c>lb</c>, <c>%</c>, <c>seconds</c>, …).</summary>
    public static string[] Units { get; } = [.. MetricUnitExtensions.All.Select(unit => unit.Symbol())];

    /// <summary>Gets the <c>metric_kind</c> labels: each kind's snake_case name (<c>one_rep_max</c>, …).</summary>
    public static string[] Kinds { get; } = [.. MetricKindExtensions.All.Select(kind => SnakeCase.TranslateMemberName(kind.ToString()))];

    /// <summary>Gets the translator that maps <see cref="MetricUnit"/> members to their symbols.</summary>
    public static INpgsqlNameTranslator UnitTranslator { get; } = new UnitSymbolTranslator();

    /// <summary>Gets the translator that maps <see cref="MetricKind"/> members to snake_case.</summary>
    public static INpgsqlNameTranslator KindTranslator => SnakeCase;

    private sealed class UnitSymbolTranslator : INpgsqlNameTranslator
    {
        public string TranslateTypeName(string clrName) => SnakeCase.TranslateTypeName(clrName);

        public string TranslateMemberName(string clrName) => Enum.Parse<MetricUnit>(clrName).Symbol();
    }
}
