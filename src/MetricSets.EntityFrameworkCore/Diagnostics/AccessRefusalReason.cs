namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The reason code of a refusal, for the <c>metricsets.access.reason</c> tag: <c>not_granted</c> when no rule let the viewer
/// through, the first veto's code when a handler vetoed with a well-formed code (<c>not-assigned-coach</c>), and
/// <c>vetoed</c> otherwise.
/// </summary>
/// <remarks>
/// A handler's reason is documented as a short stable code, but it is the host's text: a metric tag admits it only when it
/// cannot be anything else — lowercase ASCII letters joined by <c>-</c> or <c>_</c>, no digits (so no id, number or date),
/// at most <see cref="MaxLength"/> characters. Anything else is counted as <c>vetoed</c>, keeping the tag's values few
/// and free of personal data; the audit log still has the full reason.
/// </remarks>
internal static class AccessRefusalReason
{
    /// <summary>No rule granted the request.</summary>
    public const string NotGranted = "not_granted";

    /// <summary>A handler vetoed with a reason that is not a well-formed code.</summary>
    public const string Vetoed = "vetoed";

    /// <summary>The longest veto code used as a tag value.</summary>
    public const int MaxLength = 64;

    /// <summary>Returns the reason code of the refused <paramref name="decision"/> (<see langword="null"/>: refused by a statement's rules).</summary>
    public static string Of(MetricAccessContext? decision) => decision?.FailureReasons switch
    {
        null or [] => NotGranted,
        [var first, ..] when IsCode(first) => first,
        _ => Vetoed,
    };

    private static bool IsCode(string reason) =>
        reason.Length <= MaxLength
        && char.IsAsciiLetterLower(reason[0])
        && char.IsAsciiLetterLower(reason[^1])
        && reason.All(c => char.IsAsciiLetterLower(c) || c is '-' or '_');
}
