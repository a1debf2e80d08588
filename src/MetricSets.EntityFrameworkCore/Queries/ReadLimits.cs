namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>The argument checks the reads share, with the typed errors they throw.</summary>
internal static class ReadLimits
{
    public static void EnsureDefinitions(IReadOnlyCollection<MetricDefinitionId> definitionIds)
    {
        ArgumentNullException.ThrowIfNull(definitionIds);
        EnsureInRange(definitionIds.Count, 0, MetricLimits.MaxDefinitionsPerRead, nameof(definitionIds));
    }

    public static void EnsureInRange(int value, int min, int max, string parameterName)
    {
        if (value < min || value > max)
        {
            throw new MetricValidationException(parameterName, value, $"{parameterName} is {value}; it must be between {min} and {max}.");
        }
    }

    /// <summary>Throws for the first requested definition the query did not find.</summary>
    public static void EnsureAllFound(IEnumerable<MetricDefinitionId> requested, IEnumerable<MetricDefinitionId> found)
    {
        var missing = requested.Except(found).Select(id => (MetricDefinitionId?)id).FirstOrDefault();
        if (missing is { } id)
        {
            throw new MetricNotFoundException(MetricEntity.MetricDefinition, id);
        }
    }
}
