using MetricSets.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace MetricSets.EntityFrameworkCore.Replicas;

/// <summary>
/// The <see cref="IMetricReadSession"/> of one scope: the WAL position its reads must see on a replica, and whether it
/// wrote since that position was last learnt. The library's writes mark the scope (<see cref="Wrote"/>) before they send
/// anything; the scope's next read outside a transaction goes to the primary and learns the position there
/// (<see cref="PositionCheck.Capture"/>), in the same round trip.
/// </summary>
internal sealed class ReadSession<TContext>(TContext context, IOptions<MetricSetsOptions> options) : IMetricReadSession
    where TContext : DbContext
{
    /// <summary>Gets the position the scope's reads must see, or <see langword="null"/> when none is known.</summary>
    public NpgsqlLogSequenceNumber? Position { get; private set; }

    /// <summary>Gets whether the scope wrote since its position was last learnt.</summary>
    public bool HasUnplacedWrite { get; private set; }

    /// <summary>Notes that the scope is about to write, whatever comes of it: until its position is learnt, its reads go to the primary.</summary>
    public void Wrote() => HasUnplacedWrite = true;

    /// <summary>Learns the primary's position, read after every write of the scope committed.</summary>
    public void Placed(NpgsqlLogSequenceNumber primaryPosition)
    {
        Cover(primaryPosition);
        HasUnplacedWrite = false;
    }

    public void ContinueFrom(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        if (!NpgsqlLogSequenceNumber.TryParse(token, out var position))
        {
            throw new MetricValidationException(
                nameof(token), token, "A read session token is a WAL position as IMetricReadSession.GetTokenAsync gives it, such as 16/B374D848.");
        }

        Cover(position);
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (HasUnplacedWrite && options.Value.Replicas.IsEnabled)
        {
            if (SqlRunner.HasTransaction(context))
            {
                throw new InvalidOperationException(
                    "The read session's token covers committed writes: ask for it after the transaction of the context commits.");
            }

            Placed(await PositionCheck.PrimaryPositionAsync(context, cancellationToken).ConfigureAwait(false));
        }

        return Position?.ToString();
    }

    private void Cover(NpgsqlLogSequenceNumber position) =>
        Position = Position is { } known ? NpgsqlLogSequenceNumber.Larger(known, position) : position;
}
