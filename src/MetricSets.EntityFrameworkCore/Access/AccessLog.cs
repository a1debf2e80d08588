using Microsoft.Extensions.Logging;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The access policy's log events, an audit trail a host can ship: stable event ids, and no personal data (no user,
/// member or organization ids; only the operation, the owner kind and the reason).
/// </summary>
internal static partial class AccessLog
{
    /// <summary>The event id of a refusal: 1000.</summary>
    public const int RefusedId = 1000;

    [LoggerMessage(EventId = RefusedId, EventName = "MetricAccessRefused", Level = LogLevel.Information,
        Message = "MetricSets refused {Request} to a {Role} viewer: {Reason}")]
    public static partial void Refused(ILogger logger, MetricAccessRequest request, ViewerRole role, string reason);
}
