using MetricSets.Benchmarks.Data;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads.Authorization;

/// <summary>
/// A staff user reads the gym's back-squat leaderboard, best first, first page of 20 over up to 1,000 members, authorized
/// three ways; with (c) and the baseline the members come from the memberships table in the statement.
/// </summary>
public class AuthorizedLeaderboardBenchmarks : AuthorizationBenchmark
{
    /// <summary>The hand-written SQL: the staff user confirmed, the gym's members joined, values recorded in the gym.</summary>
    public const string Sql = """
        SELECT u.user_id, m.id, m.value, m.unit, m.recorded_at, m.source,
               -(m.value * CASE m.unit WHEN 'lb' THEN 0.45359237 ELSE 1 END) AS score
        FROM memberships AS u
        JOIN LATERAL (
            SELECT mm.id, mm.value, mm.unit, mm.recorded_at, mm.source
            FROM member_metrics AS mm
            WHERE mm.member_id = u.user_id AND mm.definition_id = $1 AND (mm.organization_id = $2 OR mm.source = 'self_report')
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        WHERE u.organization_id = $2 AND u.role = 'member'
          AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $3 AND organization_id = $2 AND role = 'staff')
        ORDER BY score, u.user_id
        LIMIT $4
        """;

    private static readonly OrganizationId Organization = new(BenchCatalog.OrganizationId);
    private static readonly MetricDefinitionId Definition = new(BenchCatalog.LeaderboardDefinition.Id);

    /// <inheritdoc />
    protected override async Task<int> ReadRawAuthorizedAsync()
    {
        await using var command = Raw.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = BenchCatalog.LeaderboardDefinition.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = OrganizationGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = StaffGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = LeaderboardBenchmarks.PageSize + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var rows = await ReadAllAsync(command, reader => (Reading: ReadRaw(reader), Kg: MetricValue.Of(reader.GetDecimal(2), reader.GetFieldValue<MetricUnit>(3)).ConvertTo(MetricUnit.Kilogram)))
            .ConfigureAwait(false);
        return rows.Take(LeaderboardBenchmarks.PageSize).Count();
    }

    /// <inheritdoc />
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services) =>
        (await services.GetRequiredService<ILeaderboardReader>()
            .GetLeaderboardAsync(Viewer, new MetricLeaderboardQuery(Organization, Definition) { PageSize = LeaderboardBenchmarks.PageSize }).ConfigureAwait(false)).Items.Count;
}
