using System.Collections.Concurrent;
using System.Diagnostics;
using MetricSets.EntityFrameworkCore;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// The spans of one test, observed in-process: the test runs inside a root span of its own, and every MetricSets and
/// Npgsql span of that trace is kept (other tests running at the same time are in other traces).
/// </summary>
public sealed class TraceCapture : IDisposable
{
    /// <summary>Npgsql's ActivitySource: the library's SQL statements are its spans.</summary>
    public const string NpgsqlSourceName = "Npgsql";

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly Activity _root;

    public TraceCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MetricSetsDiagnostics.ActivitySourceName or NpgsqlSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);

        // A root of the test's own, made without a source so that no sampling decides whether it exists.
        _root = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
    }

    /// <summary>Gets the MetricSets spans of the test, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped.Where(a => a.Source.Name == MetricSetsDiagnostics.ActivitySourceName)];

    /// <summary>Gets Npgsql's spans of the test (the SQL statements), in the order they ended.</summary>
    public IReadOnlyList<Activity> SqlSpans => [.. _stopped.Where(a => a.Source.Name == NpgsqlSourceName)];

    /// <summary>Returns the one span named <paramref name="name"/>.</summary>
    public Activity Span(string name) => Assert.Single(Spans, span => span.OperationName == name);

    /// <summary>Forgets the spans seen so far.</summary>
    public void Clear() => _stopped.Clear();

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }

    private void Stopped(Activity activity)
    {
        // Spans of other tests may stop before the root exists; they belong to other traces anyway.
        if (_root is { } root && activity.TraceId == root.TraceId)
        {
            _stopped.Enqueue(activity);
        }
    }
}
