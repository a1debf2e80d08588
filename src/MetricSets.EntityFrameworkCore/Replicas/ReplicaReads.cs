using System.Data.Common;
using System.Net.Sockets;
using MetricSets.EntityFrameworkCore.Diagnostics;
using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// Decides, for each read of the scope, whether it runs on the replica or on the host's context, and runs it there
/// (<see cref="MetricSetsOptions.Replicas"/>). Without a replica every read runs on the host's context, as it always did.
/// </summary>
/// <remarks>
/// <para>
/// The rule, in order: inside a host transaction, the primary (only it sees the transaction's writes); after a write of
/// the scope whose position is not yet known, the primary, learning the position in the same round trip; while the
/// replica rests after a failure, the primary; otherwise the replica, which first proves in the same round trip that it
/// has replayed the scope's position (when it has one) — else the primary. A replica that fails (any database or network
/// error: refused, broken, timed out, in recovery conflict, lacking a table) sends that read to the primary and rests for
/// <see cref="MetricSetsReplicaOptions.RetryAfter"/>.
/// </para>
/// <para>
/// A read is one function of the context it runs on, so that the same read can run on either: the services pass their
/// query, and only the query's statement moves; the access decisions made in C# before and after it stay on the host's
/// context.
/// </para>
/// </remarks>
internal sealed class ReplicaReads<TContext>(
    TContext context, ReadSession<TContext> session, ReplicaHealth health, MetricSetsTelemetry telemetry, IOptions<MetricSetsOptions> options, IServiceProvider scope)
    : IDisposable, IAsyncDisposable
    where TContext : DbContext
{
    private TContext? _replica;

    /// <summary>Runs <paramref name="read"/> on the replica or on the host's context, as the rule says.</summary>
    public async Task<T> RunAsync<T>(Func<DbContext, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var replicas = options.Value.Replicas;
        if (!replicas.IsEnabled)
        {
            return await read(context, cancellationToken).ConfigureAwait(false);
        }

        var reason = SqlRunner.HasTransaction(context) ? ReadRoute.Transaction
            : session.HasUnplacedWrite ? ReadRoute.OwnWrite
            : health.IsResting ? ReadRoute.Unavailable
            : null;
        if (reason is null)
        {
            var attempt = await OnReplicaAsync(read, replicas, cancellationToken).ConfigureAwait(false);
            if (attempt.FallBack is null)
            {
                telemetry.ReadRouted(ReadRoute.Replica, reason: null);
                return attempt.Result!;
            }

            reason = attempt.FallBack;
        }

        telemetry.ReadRouted(ReadRoute.Primary, reason);
        if (reason != ReadRoute.OwnWrite)
        {
            return await read(context, cancellationToken).ConfigureAwait(false);
        }

        using var check = PositionCheck.Capture();
        var result = await read(context, cancellationToken).ConfigureAwait(false);
        if (check.Captured is { } position)
        {
            session.Placed(position);
        }

        return result;
    }

    public void Dispose() => _replica?.Dispose();

    public ValueTask DisposeAsync() => _replica?.DisposeAsync() ?? ValueTask.CompletedTask;

    // The result, or why the read must go to the primary instead.
    private async Task<(T? Result, string? FallBack)> OnReplicaAsync<T>(
        Func<DbContext, CancellationToken, Task<T>> read, MetricSetsReplicaOptions replicas, CancellationToken cancellationToken)
    {
        var replica = _replica ??= ReplicaContexts.Create<TContext>(scope, replicas);
        using var check = session.Position is { } position ? PositionCheck.Require(position) : null;
        try
        {
            var result = await read(replica, cancellationToken).ConfigureAwait(false);
            health.Answered();
            return (result, null);
        }
        catch (ReplicaBehindException)
        {
            health.Answered();
            return (default, ReadRoute.Behind);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsFailure(exception))
        {
            // Npgsql has already emptied the pool of a server that broke a connection.
            health.Failed(exception);
            return (default, ReadRoute.Unavailable);
        }
    }

    // A database or network error anywhere in the chain; the library's own errors and cancellation are not the replica's.
    private static bool IsFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or TimeoutException or IOException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
