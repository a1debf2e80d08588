using Npgsql;

namespace MetricSets.Testing.PostgreSql;

/// <summary>
/// The one-time stop of a server the harness started: on disposal or, failing that, at process exit, whichever comes
/// first; the other does nothing. Npgsql's idle pooled connections go first, since they would fail whoever borrowed
/// them next. Thread-safe.
/// </summary>
internal sealed class StopOnce
{
    private readonly Action _stop;
    private int _done;

    /// <summary>Registers <paramref name="stop"/> to run once, at the latest when the process exits.</summary>
    /// <param name="stop">Stops the server and removes its files, its watchdog's lease last.</param>
    public StopOnce(Action stop)
    {
        _stop = stop;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run();
    }

    /// <summary>Gets whether the stop has begun.</summary>
    public bool HasRun => Volatile.Read(ref _done) == 1;

    /// <summary>Stops the server, unless that has begun already.</summary>
    public void Run()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        _stop();
    }
}
