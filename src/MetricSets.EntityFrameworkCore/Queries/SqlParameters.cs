using Npgsql;
using NpgsqlTypes;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>The typed positional parameters the hand-written reads bind, built one way everywhere.</summary>
internal static class SqlParameters
{
    /// <summary>The <c>metric_kind</c> labels of the kinds where a greater value is better, for <c>d.kind::text = ANY(…)</c>.</summary>
    private static readonly string[] HigherIsBetterKinds =
        [.. MetricKindExtensions.All.Where(kind => kind.BestDirection() == BestDirection.HigherIsBetter).Select(kind => Storage.PostgresEnumLabels.Kinds[(int)kind])];

    public static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value };

    public static NpgsqlParameter Uuids(IEnumerable<Guid> values) =>
        new NpgsqlParameter<Guid[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };

    /// <summary>The organization a staff viewer's reads are confined to under restricted provenance, or NULL.</summary>
    public static NpgsqlParameter ConfinedTo(OrganizationId? organization) =>
        new NpgsqlParameter<Guid?> { TypedValue = organization?.Value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter Integer(int value) => new NpgsqlParameter<int> { TypedValue = value };

    public static NpgsqlParameter Boolean(bool value) => new NpgsqlParameter<bool> { TypedValue = value };

    public static NpgsqlParameter Numeric(decimal value) => new NpgsqlParameter<decimal> { TypedValue = value };

    public static NpgsqlParameter Timestamp(NodaTime.Instant value) => new NpgsqlParameter<NodaTime.Instant> { TypedValue = value };

    /// <summary>The kinds where higher is better, as a <c>text[]</c>: the direction of "best" decided in SQL.</summary>
    public static NpgsqlParameter HigherIsBetter() =>
        new NpgsqlParameter<string[]> { TypedValue = HigherIsBetterKinds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
