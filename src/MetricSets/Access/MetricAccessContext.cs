namespace MetricSets;

/// <summary>
/// One access decision in the making: who asks (<see cref="Viewer"/>), what for (<see cref="Request"/>), and what the
/// handlers have said so far.
/// </summary>
/// <remarks>Not thread-safe: the handlers of one decision run one after the other.</remarks>
public sealed class MetricAccessContext
{
    private readonly List<MetricAccessGrant> _grants = [];
    private readonly List<string> _failures = [];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="viewer">Who asks.</param>
    /// <param name="request">What they ask.</param>
    /// <param name="directory">The membership directory; answers are kept for the rest of the library call.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public MetricAccessContext(MetricViewer viewer, MetricAccessRequest request, IMembershipDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(directory);
        Viewer = viewer;
        Request = request;
        Directory = directory;
    }

    /// <summary>Gets who asks.</summary>
    public MetricViewer Viewer { get; }

    /// <summary>Gets what they ask.</summary>
    public MetricAccessRequest Request { get; }

    /// <summary>
    /// Gets the host's membership directory, remembering its answers for the rest of the library call, so that no
    /// question is asked twice within one call.
    /// </summary>
    public IMembershipDirectory Directory { get; }

    /// <summary>Gets the grants made so far.</summary>
    public IReadOnlyList<MetricAccessGrant> Grants => _grants;

    /// <summary>Gets the reasons of the vetoes so far.</summary>
    public IReadOnlyList<string> FailureReasons => _failures;

    /// <summary>Gets a value indicating whether a handler succeeded and none failed.</summary>
    public bool IsAllowed => _grants.Count > 0 && _failures.Count == 0;

    /// <summary>Lets the viewer through with <paramref name="grant"/>.</summary>
    /// <param name="grant">What the viewer is granted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grant"/> is <see langword="null"/>.</exception>
    public void Succeed(MetricAccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        _grants.Add(grant);
    }

    /// <summary>Vetoes the request, whatever other handlers grant.</summary>
    /// <param name="reason">
    /// Why, as a short stable code for logs and metrics (for example <c>not-assigned-coach</c>): never personal data.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public void Fail(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _failures.Add(reason);
    }
}
