using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Seals paging cursors with AES-256-GCM under the host's <see cref="MetricSetsOptions.CursorKey"/> (or a key of the
/// process's own): a client can neither read what a cursor holds (member ids, scores) nor change it undetected, and a
/// cursor sealed for one query cannot be opened for another, because the query's identity is the associated data.
/// </summary>
internal sealed class CursorSeal
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public CursorSeal(IOptions<MetricSetsOptions> options) =>
        _key = options.Value.CursorKey is { } configured
            ? TryDecodeKey(configured) ?? throw new InvalidOperationException("MetricSetsOptions.CursorKey is invalid.")
            : RandomNumberGenerator.GetBytes(KeySize);

    public static byte[]? TryDecodeKey(string key)
    {
        try
        {
            var bytes = Convert.FromBase64String(key);
            return bytes.Length == KeySize ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Seals <paramref name="payload"/> for the query identified by <paramref name="binding"/>; URL-safe text.</summary>
    public string Seal(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> binding)
    {
        var sealedBytes = new byte[NonceSize + payload.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, payload, sealedBytes.AsSpan(NonceSize, payload.Length), sealedBytes.AsSpan(NonceSize + payload.Length), binding);
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>Opens a cursor sealed for <paramref name="binding"/>; false for anything else (foreign, altered, malformed).</summary>
    public bool TryOpen(string cursor, ReadOnlySpan<byte> binding, [NotNullWhen(true)] out byte[]? payload)
    {
        payload = null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return false;
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), plaintext, binding);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        payload = plaintext;
        return true;
    }
}
