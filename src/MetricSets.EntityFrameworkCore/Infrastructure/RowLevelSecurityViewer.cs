namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// The viewer whose identity the library's statements carry to PostgreSQL's row-level security
/// (<see cref="MetricSetsOptions.RowLevelSecurity"/>): set for the length of one public call, on its execution context, and
/// read by <see cref="RowLevelSecurityInterceptor"/> for every statement the call sends.
/// </summary>
internal static class RowLevelSecurityViewer
{
    private static readonly AsyncLocal<MetricViewer?> CurrentViewer = new();

    /// <summary>Gets the viewer of the call in progress, or <see langword="null"/> outside one or with the option off.</summary>
    public static MetricViewer? Current => CurrentViewer.Value;

    /// <summary>Makes <paramref name="viewer"/> the current viewer until the returned scope is disposed.</summary>
    public static IDisposable Enter(MetricViewer viewer)
    {
        var scope = new Scope(CurrentViewer.Value);
        CurrentViewer.Value = viewer;
        return scope;
    }

    private sealed class Scope(MetricViewer? outer) : IDisposable
    {
        public void Dispose() => CurrentViewer.Value = outer;
    }
}
