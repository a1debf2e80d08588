using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// The opaque keyset cursor of a paged read: the sort key of the last row returned, its tie-breaking id and how many
/// rows came before. Encoded as URL-safe base64 so hosts can put it in a query string unchanged.
/// </summary>
internal readonly record struct PageCursor(decimal Key, Guid TieBreaker, int Position)
{
    private const string Version = "v1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}|{Key}|{TieBreaker:N}|{Position}")));

    public static PageCursor? Decode(string? cursor, string parameterName)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            if (parts is [Version, var key, var tieBreaker, var position])
            {
                return new PageCursor(
                    decimal.Parse(key, NumberStyles.Number, CultureInfo.InvariantCulture),
                    Guid.ParseExact(tieBreaker, "N"),
                    int.Parse(position, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
        catch (FormatException)
        {
            // Falls through to the typed error below.
        }

        throw new MetricValidationException(parameterName, cursor, "The cursor is not one this library issued; pass back NextCursor unchanged.");
    }
}
