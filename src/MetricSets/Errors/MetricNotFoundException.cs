using System.Globalization;

namespace MetricSets;

/// <summary>
/// Thrown when what an operation needs does not exist — or, where the access policy applies, is not visible to the caller:
/// the two answer alike on purpose (same type, same <see cref="Entity"/>, same message), so errors are no existence oracle.
/// </summary>
/// <remarks>The code is <see cref="MetricErrorCode.NotFound"/>.</remarks>
public sealed class MetricNotFoundException : MetricSetsException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entity">What was looked for.</param>
    /// <param name="key">The key it was looked for by, as the caller gave it.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public MetricNotFoundException(MetricEntity entity, object key, Exception? innerException = null)
        : base(MetricErrorCode.NotFound, Describe(entity, key), innerException)
    {
        Entity = entity;
        Key = key;
    }

    /// <summary>Gets what was looked for.</summary>
    public MetricEntity Entity { get; }

    /// <summary>Gets the key it was looked for by.</summary>
    public object Key { get; }

    private static string Describe(MetricEntity entity, object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var what = entity switch
        {
            MetricEntity.Member => "member",
            MetricEntity.Organization => "organization",
            MetricEntity.Workout => "workout",
            MetricEntity.MetricDefinition => "metric definition",
            MetricEntity.MetricSet => "metric set",
            MetricEntity.MetricSetEntry => "metric set entry",
            MetricEntity.MemberMetric => "member metric",
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Not a defined metric entity."),
        };
        return string.Create(CultureInfo.InvariantCulture, $"The {what} '{key}' does not exist.");
    }
}
