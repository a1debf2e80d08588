namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>The tag (attribute) names of the library's spans and instruments; docs/telemetry.md documents their values.</summary>
internal static class TagNames
{
    /// <summary>The operation of a call: <c>record</c>, <c>get_history</c>, ….</summary>
    public const string Operation = "metricsets.operation";

    /// <summary>How a call ended: <c>ok</c>, <c>not_found</c>, <c>invalid</c>, <c>conflict</c>, <c>refused</c>, <c>cancelled</c>, <c>error</c>.</summary>
    public const string Outcome = "metricsets.outcome";

    /// <summary>OpenTelemetry's <c>error.type</c>: the class of error a failed call ended with.</summary>
    public const string ErrorType = "error.type";

    /// <summary>How values were recorded: <c>single</c> or <c>bulk</c>.</summary>
    public const string RecordingMode = "metricsets.recording.mode";

    /// <summary>What the refused access asked: <c>read_values</c>, <c>record_value</c>, ….</summary>
    public const string AccessOperation = "metricsets.access.operation";

    /// <summary>Why access was refused: <c>not_granted</c>, a host handler's veto code, or <c>vetoed</c>.</summary>
    public const string AccessReason = "metricsets.access.reason";

    /// <summary>The role the refused viewer claimed: <c>member</c> or <c>staff</c>.</summary>
    public const string ViewerRole = "metricsets.viewer.role";

    /// <summary>Where a read ran when a replica is configured: <c>replica</c> or <c>primary</c>.</summary>
    public const string ReadTarget = "metricsets.read.target";

    /// <summary>Why a read ran on the primary although a replica is configured: <c>transaction</c>, <c>own_write</c>, <c>behind</c>, <c>unavailable</c>.</summary>
    public const string ReadReason = "metricsets.read.reason";
}
