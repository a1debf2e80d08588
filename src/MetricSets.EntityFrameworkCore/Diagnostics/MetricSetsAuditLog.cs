using Microsoft.Extensions.Logging;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The audit trail: one event per access refusal, write and conflict, under the category
/// <see cref="MetricSetsDiagnostics.AuditLogCategory"/>, with stable event ids in the range 1000–1099 (never renumbered or
/// reused; new events take the next free id).
/// </summary>
/// <remarks>
/// <para>
/// Levels: successful writes and refusals are <see cref="LogLevel.Information"/> — refusals are the policy's ordinary
/// answer (a 404), and a surge of them shows in the <c>metricsets.access.refusals</c> counter; a write that conflicted
/// with the stored state is <see cref="LogLevel.Warning"/>, because it points at a client that retries wrongly or at two
/// clients editing at once.
/// </para>
/// <para>
/// Personal data: write events name the acting user and the member (their ids), which is what an audit trail is for; the
/// refusal event keeps the policy's guarantee and names neither (operation, role and reason only). No event carries a
/// value, a name, a description or any other free text.
/// </para>
/// </remarks>
internal static partial class MetricSetsAuditLog
{
    /// <summary>The access policy refused a request: 1000.</summary>
    public const int AccessRefusedId = 1000;

    /// <summary>A value was recorded: 1001.</summary>
    public const int ValueRecordedId = 1001;

    /// <summary>Values were recorded in bulk: 1002.</summary>
    public const int ValuesRecordedInBulkId = 1002;

    /// <summary>A value was deleted: 1003.</summary>
    public const int ValueDeletedId = 1003;

    /// <summary>A metric set was created, changed or deleted: 1004.</summary>
    public const int SetChangedId = 1004;

    /// <summary>A metric definition was created, changed or deleted: 1005.</summary>
    public const int DefinitionChangedId = 1005;

    /// <summary>Definitions were added to the catalogue by <c>EnsureAsync</c>: 1006.</summary>
    public const int CatalogEnsuredId = 1006;

    /// <summary>A write conflicted with the stored state: 1007.</summary>
    public const int WriteConflictId = 1007;

    [LoggerMessage(EventId = AccessRefusedId, EventName = "MetricAccessRefused", Level = LogLevel.Information,
        Message = "MetricSets refused {Request} to a {Role} viewer: {Reason}")]
    public static partial void AccessRefused(ILogger logger, MetricAccessRequest request, ViewerRole role, string reason);

    [LoggerMessage(EventId = ValueRecordedId, EventName = "MetricValueRecorded", Level = LogLevel.Information,
        Message = "User {ActorId} recorded value {MemberMetricId} of metric definition {DefinitionId} for member {MemberId} (source {Source}, recorded in {RecordedIn})")]
    public static partial void ValueRecorded(
        ILogger logger, UserId actorId, MemberMetricId memberMetricId, MetricDefinitionId definitionId, UserId memberId, string? source, OrganizationId? recordedIn);

    [LoggerMessage(EventId = ValuesRecordedInBulkId, EventName = "MetricValuesRecordedInBulk", Level = LogLevel.Information,
        Message = "User {ActorId} recorded {Recorded} of {Total} values in bulk ({AlreadyRecorded} were already recorded)")]
    public static partial void ValuesRecordedInBulk(ILogger logger, UserId actorId, int recorded, int total, int alreadyRecorded);

    [LoggerMessage(EventId = ValueDeletedId, EventName = "MetricValueDeleted", Level = LogLevel.Information,
        Message = "User {ActorId} deleted value {MemberMetricId} of member {MemberId} (source {Source}, recorded in {RecordedIn})")]
    public static partial void ValueDeleted(ILogger logger, UserId actorId, MemberMetricId memberMetricId, UserId? memberId, string? source, OrganizationId? recordedIn);

    [LoggerMessage(EventId = SetChangedId, EventName = "MetricSetChanged", Level = LogLevel.Information,
        Message = "User {ActorId} changed metric set {SetId}: {Change}")]
    public static partial void SetChanged(ILogger logger, UserId actorId, MetricSetId setId, string change);

    [LoggerMessage(EventId = DefinitionChangedId, EventName = "MetricDefinitionChanged", Level = LogLevel.Information,
        Message = "Metric definition {DefinitionId} changed: {Change}")]
    public static partial void DefinitionChanged(ILogger logger, MetricDefinitionId definitionId, string change);

    [LoggerMessage(EventId = CatalogEnsuredId, EventName = "MetricCatalogEnsured", Level = LogLevel.Information,
        Message = "The catalogue gained {Added} metric definitions")]
    public static partial void CatalogEnsured(ILogger logger, int added);

    [LoggerMessage(EventId = WriteConflictId, EventName = "MetricWriteConflict", Level = LogLevel.Warning,
        Message = "MetricSets {Operation} conflicted with the stored state: {ErrorCode} (actor {ActorId})")]
    public static partial void WriteConflict(ILogger logger, string operation, string errorCode, string actorId);
}
