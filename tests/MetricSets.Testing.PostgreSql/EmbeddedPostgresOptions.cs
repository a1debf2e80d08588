namespace MetricSets.Testing.PostgreSql;

/// <summary>How <see cref="EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions, CancellationToken)"/> starts a cluster.</summary>
/// <remarks>
/// The default (both properties <see langword="null"/>) is a throwaway cluster in a new temporary directory, owned by
/// the current process. Checked once, when the cluster starts; not thread-safe while being set.
/// </remarks>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// Gets the directory that holds a kept cluster, created on first use: its files survive
    /// <see cref="EmbeddedPostgres.DisposeAsync"/> and the owner's death, so large data sets (benchmarks) are generated
    /// once. <see langword="null"/> (the default) makes a throwaway cluster in a new temporary directory.
    /// </summary>
    public string? KeptDirectory { get; init; }

    /// <summary>
    /// Gets the id of the process whose end stops the server (and deletes a throwaway cluster), however that process
    /// ends, SIGKILL included. <see langword="null"/> (the default) means the current process. It must be running.
    /// </summary>
    public int? OwnerProcessId { get; init; }
}
