using System.Text;

namespace MetricSets.AspNetCore;

/// <summary>
/// The <c>type</c> URIs of the problem details the endpoints answer with: one per <see cref="MetricErrorCode"/>, and one
/// for a request without an authenticated user. They never change; docs/problems.md documents each at its anchor.
/// </summary>
public static class MetricSetsProblemTypes
{
    /// <summary>The anchor of the problem of a request without an authenticated user (401).</summary>
    public const string UnauthenticatedAnchor = "unauthenticated";

    /// <summary>
    /// Gets the anchor of an error code: its name in kebab case, such as <c>invalid-value</c>, <c>not-found</c> or
    /// <c>definition-already-in-set</c>.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>The anchor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a defined code.</exception>
    public static string Anchor(MetricErrorCode code)
    {
        if (!Enum.IsDefined(code))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "Not a defined MetricErrorCode.");
        }

        var name = code.ToString();
        var anchor = new StringBuilder(name.Length + 4);
        foreach (var character in name)
        {
            if (char.IsUpper(character) && anchor.Length > 0)
            {
                anchor.Append('-');
            }

            anchor.Append(char.ToLowerInvariant(character));
        }

        return anchor.ToString();
    }

    /// <summary>Gets the <c>type</c> URI of an error code under <paramref name="typeBase"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="typeBase">The base, <see cref="MetricSetsEndpointOptions.DefaultProblemTypeBase"/> by default.</param>
    /// <returns>The URI, such as <c>…/docs/problems.md#not-found</c>.</returns>
    public static string For(MetricErrorCode code, string typeBase = MetricSetsEndpointOptions.DefaultProblemTypeBase) =>
        typeBase + Anchor(code);
}
