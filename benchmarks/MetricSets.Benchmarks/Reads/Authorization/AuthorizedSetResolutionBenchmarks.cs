using MetricSets.Benchmarks.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.Benchmarks.Reads.Authorization;

/// <summary>A staff user resolves the gym's 20-definition set for one member (the seed's endpoint), authorized three ways.</summary>
public class AuthorizedSetResolutionBenchmarks : AuthorizationBenchmark
{
    /// <summary>The hand-written SQL: the staff user and the member confirmed, the set the gym's, values recorded in the gym.</summary>
    public const string Sql = """
        SELECT s.name, d.id, d.slug, coalesce(d.name_i18n ->> $3, d.name_i18n ->> 'en'), d.unit, d.kind, m.value, m.unit
        FROM metric_sets AS s
        JOIN metric_set_definitions AS e ON e.set_id = s.id
        JOIN metric_definitions AS d ON d.id = e.definition_id
        LEFT JOIN LATERAL (
            SELECT mm.value, mm.unit
            FROM member_metrics AS mm
            WHERE mm.member_id = $2 AND mm.definition_id = d.id AND (mm.organization_id = $5 OR mm.source = 'self_report')
            ORDER BY mm.recorded_at DESC, mm.id DESC
            LIMIT 1) AS m ON true
        WHERE s.id = $1 AND s.organization_id = $5
          AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $4 AND organization_id = $5 AND role = 'staff')
          AND EXISTS (SELECT 1 FROM memberships WHERE user_id = $2 AND organization_id = $5 AND role = 'member')
        ORDER BY e.sort_order, d.id
        """;

    private const string Language = "ru";
    private static readonly MetricSetId SetId = new(BenchCatalog.SetId);

    /// <inheritdoc />
    protected override async Task<int> ReadRawAuthorizedAsync()
    {
        await using var command = Raw.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = BenchCatalog.SetId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = MemberGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = Language, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = StaffGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = OrganizationGuid, NpgsqlDbType = NpgsqlDbType.Uuid });
        return (await ReadAllAsync(command, Read).ConfigureAwait(false)).Count;

        static RawResolvedMetric Read(NpgsqlDataReader reader)
        {
            var unit = reader.GetFieldValue<MetricUnit>(4);
            return new RawResolvedMetric(
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                unit,
                reader.GetFieldValue<MetricKind>(5),
                reader.IsDBNull(6) ? null : MetricValue.Of(reader.GetDecimal(6), reader.GetFieldValue<MetricUnit>(7)).ConvertTo(unit));
        }
    }

    /// <inheritdoc />
    protected override async Task<int> ReadWithLibraryAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMetricSetResolver>()
            .ResolveAsync(Viewer, new MetricSetResolutionQuery(SetId, Member) { Language = Language }).ConfigureAwait(false)).Metrics.Count;
}
