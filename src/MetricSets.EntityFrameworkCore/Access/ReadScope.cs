namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// What a granted read may return: the organizations it is confined to under restricted provenance (<see langword="null"/>
/// for no confinement) and which recorded-in organizations it may disclose — only those the viewer's grants were made in,
/// so a value never tells one gym's staff where else the member trains.
/// </summary>
internal sealed class ReadScope
{
    private readonly HashSet<OrganizationId>? _disclosed;

    private ReadScope(IReadOnlyList<OrganizationId>? confinedTo, HashSet<OrganizationId>? disclosed)
    {
        ConfinedTo = confinedTo;
        _disclosed = disclosed;
    }

    /// <summary>Gets the organizations the read is confined to, or <see langword="null"/> for none.</summary>
    public IReadOnlyList<OrganizationId>? ConfinedTo { get; }

    /// <summary>Returns the scope of <paramref name="decision"/>'s grants over a model built with <paramref name="provenance"/>.</summary>
    public static ReadScope Of(MetricAccessContext decision, MemberMetricProvenance provenance)
    {
        if (decision.Grants.Any(grant => grant.Organization is null))
        {
            return new ReadScope(confinedTo: null, disclosed: null);
        }

        var organizations = decision.Grants.Select(grant => grant.Organization!.Value).Distinct().ToList();
        return new ReadScope(provenance == MemberMetricProvenance.Restrict ? organizations : null, [.. organizations]);
    }

    /// <summary>Returns <paramref name="reading"/>, without its recorded-in organization when the viewer may not learn it.</summary>
    public MetricReading Disclose(MetricReading reading) =>
        _disclosed is null || reading.RecordedIn is not { } organization || _disclosed.Contains(organization)
            ? reading
            : new MetricReading
            {
                Id = reading.Id,
                MemberId = reading.MemberId,
                DefinitionId = reading.DefinitionId,
                Value = reading.Value,
                RecordedAt = reading.RecordedAt,
                Source = reading.Source,
                RecordedIn = null,
            };
}
