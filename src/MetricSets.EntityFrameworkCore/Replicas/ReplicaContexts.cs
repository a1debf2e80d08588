using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// Builds the context a scope reads the replica through: a second instance of the host's context, as EF Core users keep
/// one for a read-only database, from the host's own <c>DbContextOptions&lt;TContext&gt;</c> with the replica's
/// connection instead of the primary's.
/// </summary>
/// <remarks>
/// Everything else of the host's options carries over — the model (the same internal service provider, so it is built
/// once), the interceptors (row-level security's among them), the command timeout, logging — except retries: a replica
/// that fails sends the read to the primary at once, rather than after the retry delays of <c>EnableRetryOnFailure</c>.
/// The context is made as EF Core's context factories make one, so a context that takes other services in its
/// constructor gets them from the scope.
/// </remarks>
internal static class ReplicaContexts
{
    public static TContext Create<TContext>(IServiceProvider scope, MetricSetsReplicaOptions replicas)
        where TContext : DbContext
    {
        var host = scope.GetRequiredService<DbContextOptions<TContext>>();
        var connection = RelationalOptionsExtension.Extract(host).WithConnection(null).WithExecutionStrategyFactory(NoRetries);
        var options = replicas.DataSource is { } dataSource
            ? new DbContextOptionsBuilder<TContext>((DbContextOptions<TContext>)host.WithExtension(connection.WithConnectionString(null)))
                .UseNpgsql(dataSource).Options
            : (DbContextOptions<TContext>)host.WithExtension(connection.WithConnectionString(replicas.ConnectionString));
        return ActivatorUtilities.CreateInstance<TContext>(scope, options);
    }

    private static IExecutionStrategy NoRetries(ExecutionStrategyDependencies dependencies) => new NonRetryingExecutionStrategy(dependencies);
}
