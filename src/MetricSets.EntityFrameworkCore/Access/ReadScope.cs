namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// What a granted read may disclose: a reading's recorded-in organization only when the viewer's grants were made there
/// (or cover everything), so a value never tells one gym's staff where else the member trains. Under restricted
/// provenance the statement itself confined the rows to the same organizations.
/// </summary>
internal sealed class ReadScope
{
    private readonly HashSet<Guid>? _disclosed;

    /// <summary>Creates the scope of grants made in <paramref name="grantedIn"/>, or of a grant of everything when <see langword="null"/>.</summary>
    public ReadScope(IEnumerable<Guid>? grantedIn) => _disclosed = grantedIn is null ? null : [.. grantedIn];

    /// <summary>Returns <paramref name="reading"/>, without its recorded-in organization when the viewer may not learn it.</summary>
    public MetricReading Disclose(MetricReading reading) =>
        _disclosed is null || reading.RecordedIn is not { } organization || _disclosed.Contains(organization.Value)
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
