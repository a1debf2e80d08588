namespace MetricSets.SampleHost;

/// <summary>The sample host's start-up log lines.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue ready ({Added} definitions added)")]
    public static partial void CatalogueReady(ILogger logger, int added);

    // Host, port and database only: the connection string may carry a password.
    [LoggerMessage(Level = LogLevel.Information, Message = "MetricSets sample host ready on PostgreSQL at {Host}:{Port}, database {Database}; open the URL it listens on")]
    public static partial void Ready(ILogger logger, string? host, int port, string? database);
}
