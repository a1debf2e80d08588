namespace MetricSets.SampleHost;

/// <summary>The sample host's start-up log lines.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue ready ({Added} definitions added)")]
    public static partial void CatalogueReady(ILogger logger, int added);

    [LoggerMessage(Level = LogLevel.Information, Message = "MetricSets sample host ready on {Database}; open the URL it listens on")]
    public static partial void Ready(ILogger logger, string database);
}
