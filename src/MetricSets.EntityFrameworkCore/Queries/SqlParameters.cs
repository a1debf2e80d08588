using Npgsql;
using NpgsqlTypes;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>The typed positional parameters the hand-written reads bind, built one way everywhere.</summary>
internal static class SqlParameters
{
    /// <summary>The <c>metric_kind</c> labels of the kinds where a greater value is better, for <c>d.kind::text = ANY(…)</c>.</summary>
    private static readonly string[] HigherIsBetterKinds =
        [.. MetricKindExtensions.All.Where(kind => kind.BestDirection() == BestDirection.HigherIsBetter).Select(kind => Storage.PostgresEnumLabels.Kinds[(int)kind])];

    /// <summary>The <c>metric_kind</c> labels of the kinds where a smaller value is better.</summary>
    private static readonly string[] LowerIsBetterKinds =
        [.. MetricKindExtensions.All.Where(kind => kind.BestDirection() == BestDirection.LowerIsBetter).Select(kind => Storage.PostgresEnumLabels.Kinds[(int)kind])];

    public static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    public static NpgsqlParameter Uuids(IEnumerable<Guid> values) =>
        new NpgsqlParameter<Guid[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    public static NpgsqlParameter Text(string? value) =>
        new NpgsqlParameter<string?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Texts(IEnumerable<string?>? values) =>
        new NpgsqlParameter<string?[]?> { TypedValue = values is null ? null : [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter Unit(MetricUnit value) => new NpgsqlParameter<MetricUnit> { TypedValue = value };

    public static NpgsqlParameter Kind(MetricKind value) => new NpgsqlParameter<MetricKind> { TypedValue = value };

    /// <summary>Units as their enum labels in a <c>text[]</c>, for <c>::metric_unit</c> casts (Npgsql cannot infer an enum array's type).</summary>
    public static NpgsqlParameter Units(IEnumerable<MetricUnit> values) => Texts(values.Select(unit => unit.Symbol()));

    /// <summary>Kinds as their enum labels in a <c>text[]</c>, for <c>::metric_kind</c> casts.</summary>
    public static NpgsqlParameter Kinds(IEnumerable<MetricKind> values) => Texts(values.Select(kind => Storage.PostgresEnumLabels.Kinds[(int)kind]));

    public static NpgsqlParameter Integers(IEnumerable<int> values) =>
        new NpgsqlParameter<int[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer };

    /// <summary>A nullable uuid, such as the organization a value is recorded in.</summary>
    public static NpgsqlParameter OptionalUuid(Guid? value) => new NpgsqlParameter<Guid?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter Integer(int value) => new NpgsqlParameter<int> { TypedValue = value };

    public static NpgsqlParameter Boolean(bool value) => new NpgsqlParameter<bool> { TypedValue = value };

    public static NpgsqlParameter Numeric(decimal value) => new NpgsqlParameter<decimal> { TypedValue = value };

    public static NpgsqlParameter Timestamp(NodaTime.Instant value) => new NpgsqlParameter<NodaTime.Instant> { TypedValue = value };

    /// <summary>The kinds where higher is better, as a <c>text[]</c>: the direction of "best" decided in SQL.</summary>
    public static NpgsqlParameter HigherIsBetter() =>
        new NpgsqlParameter<string[]> { TypedValue = HigherIsBetterKinds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    /// <summary>The kinds where lower is better, as a <c>text[]</c>.</summary>
    public static NpgsqlParameter LowerIsBetter() =>
        new NpgsqlParameter<string[]> { TypedValue = LowerIsBetterKinds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
