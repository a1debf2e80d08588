using System.Data.Common;
using MetricSets.EntityFrameworkCore.Queries;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Commands;

/// <summary>
/// A row of <c>member_metrics</c> exactly as stored, read without the domain's validation: the row an id already holds, to
/// tell an idempotent retry from a conflicting reuse of the id. Rows written by other tools may break today's rules.
/// </summary>
internal sealed record StoredValue(
    MemberMetricId Id, UserId MemberId, MetricDefinitionId DefinitionId, decimal Amount, MetricUnit Unit, Instant RecordedAt, string? Source, Guid? RecordedIn)
{
    /// <summary>The eight columns <see cref="Read"/> expects, from <paramref name="alias"/>.</summary>
    public static string Columns(string alias, MetricSetsTables tables) =>
        $"{alias}.id, {alias}.member_id, {alias}.definition_id, {alias}.value, {alias}.unit, {alias}.recorded_at, {alias}.source, {tables.RecordedIn(alias)}";

    /// <summary>Reads the columns starting at <paramref name="ordinal"/>, or <see langword="null"/> when there is no row.</summary>
    public static StoredValue? Read(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : new StoredValue(
                new MemberMetricId(reader.GetGuid(ordinal)),
                new UserId(reader.GetGuid(ordinal + 1)),
                new MetricDefinitionId(reader.GetGuid(ordinal + 2)),
                reader.GetDecimal(ordinal + 3),
                reader.GetFieldValue<MetricUnit>(ordinal + 4),
                reader.GetFieldValue<Instant>(ordinal + 5),
                reader.IsDBNull(ordinal + 6) ? null : reader.GetString(ordinal + 6),
                reader.IsDBNull(ordinal + 7) ? null : reader.GetGuid(ordinal + 7));

    /// <summary>
    /// Determines whether this row records what <paramref name="requested"/> records: the same member, definition, amount,
    /// unit, source and organization, and — only when the client chose the time — the same time. A time the server
    /// stamped differs on every attempt, so it cannot tell a retry from a reuse.
    /// </summary>
    public bool RecordsSameAs(MemberMetric requested, bool compareTime) =>
        MemberId == requested.MemberId
        && DefinitionId == requested.DefinitionId
        && Amount == requested.Value.Amount
        && Unit == requested.Value.Unit
        && string.Equals(Source, requested.Source?.Code, StringComparison.Ordinal)
        && RecordedIn == requested.RecordedIn?.Value
        && (!compareTime || RecordedAt == requested.RecordedAt);

    /// <summary>Returns the row as a reading.</summary>
    public MetricReading ToReading() =>
        new()
        {
            Id = Id,
            MemberId = MemberId,
            DefinitionId = DefinitionId,
            Value = MetricValue.Of(Amount, Unit),
            RecordedAt = RecordedAt,
            Source = Source is not null && MetricSource.TryParse(Source, out var source) ? source : null,
            RecordedIn = RecordedIn is { } organization ? new OrganizationId(organization) : null,
        };
}
