using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MetricSets.EntityFrameworkCore.Infrastructure;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// The keyset position of a paged read — the sort key of the last row returned, its tie-breaking id and how many rows
/// came before — sealed by <see cref="CursorSeal"/> and bound to the query it came from.
/// </summary>
internal readonly record struct PageCursor(decimal Key, Guid TieBreaker, long Position)
{
    private const byte Version = 2;
    private const int Size = 1 + 16 + 16 + 8;

    public string Encode(CursorSeal seal, string query)
    {
        Span<byte> payload = stackalloc byte[Size];
        payload[0] = Version;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(Key, bits);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload.Slice(1 + (4 * i), 4), bits[i]);
        }

        TieBreaker.TryWriteBytes(payload.Slice(17, 16));
        BinaryPrimitives.WriteInt64LittleEndian(payload.Slice(33, 8), Position);
        return seal.Seal(payload, Binding(query));
    }

    /// <summary>
    /// Opens <paramref name="cursor"/> for a read that judges it only after its statement's access verdict: returns the
    /// position, or the error <see cref="Decode"/> would throw, for the caller to throw once the viewer may read.
    /// </summary>
    public static (PageCursor? Position, MetricValidationException? Error) Open(CursorSeal seal, string? cursor, string query, string parameterName)
    {
        try
        {
            return (Decode(seal, cursor, query, parameterName), null);
        }
        catch (MetricValidationException exception)
        {
            return (null, exception);
        }
    }

    /// <summary>Opens <paramref name="cursor"/> for <paramref name="query"/>; anything this library did not issue for it is a validation error.</summary>
    public static PageCursor? Decode(CursorSeal seal, string? cursor, string query, string parameterName)
    {
        if (cursor is null)
        {
            return null;
        }

        if (seal.TryOpen(cursor, Binding(query), out var payload) && payload is [Version, ..] && payload.Length == Size)
        {
            Span<int> bits = stackalloc int[4];
            for (var i = 0; i < 4; i++)
            {
                bits[i] = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(1 + (4 * i), 4));
            }

            var position = BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(33, 8));
            if (position >= 0)
            {
                return new PageCursor(new decimal(bits), new Guid(payload.AsSpan(17, 16)), position);
            }
        }

        throw new MetricValidationException(
            parameterName, cursor, "The cursor is not one this library issued for this query; pass back NextCursor unchanged, with the same query.");
    }

    // The query a cursor belongs to, hashed: what it is bound to without being carried in it.
    private static byte[] Binding(string query) => SHA256.HashData(Encoding.UTF8.GetBytes(query));
}
