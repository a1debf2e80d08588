using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads.Authorization;

/// <summary>A staff user reads one member's latest value of each of a 20-definition set's definitions, authorized three ways.</summary>
public class AuthorizedLatestValuesBenchmarks : AuthorizationBenchmark
{
    /// <summary>The hand-written SQL: the staff user and the member confirmed, values recorded in the gym (or self-reported).</summary>
    public const string Sql = """
        SELECT d.id, m.id, m.value, m.unit, m.recorded_at, m.source
        FROM unnest($2::uuid[]) AS d(id)
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = $1 AND mm.definition_id = d.id AND (mm.organization_id = $4 OR mm.source = 'self_report')
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        WHERE EXISTS (SELECT 1 FROM memberships WHERE user_id = $3 AND organization_id = $4 AND role = 'staff')
          AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $1 AND organization_id = $4 AND role = 'member')
        """;

    /// <inheritdoc />
    protected override async Task<int> ReadRawAuthorizedAsync()
    {
        await using var command = MemberDefinitionsCommand(Sql);
        command.Parameters.Add(new() { Value = StaffGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = OrganizationGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        return (await ReadAllAsync(command, reader => ReadRaw(reader)).ConfigureAwait(false)).Count;
    }

    /// <inheritdoc />
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMemberMetricReader>().GetLatestAsync(Viewer, Member, SetDefinitionIds).ConfigureAwait(false)).Count;
}
