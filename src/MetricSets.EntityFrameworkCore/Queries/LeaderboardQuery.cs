using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MetricSets.EntityFrameworkCore.Queries;

/// <summary>
/// Everyone's most recent value of one definition among a list of members, ranked and keyset-paged: the members drive
/// a <c>JOIN LATERAL … LIMIT 1</c> (one probe of <c>member_metrics_member_def_recorded_idx</c> each); the ranking key
/// (<c>score</c>) is ascending in rank order — the negated exact base-unit amount for higher-is-better, the amount for
/// lower-is-better, the negated epoch for latest-first — with the member id breaking ties.
/// </summary>
internal static class LeaderboardQuery
{
    public enum Ranking
    {
        HighestFirst,
        LowestFirst,
        LatestFirst,
    }

    public static string Sql(MetricSetsTables tables, Ranking ranking)
    {
        var score = ranking switch
        {
            Ranking.HighestFirst => $"-{ReadingColumns.BaseAmount("m")}",
            Ranking.LowestFirst => ReadingColumns.BaseAmount("m"),
            _ => "-extract(epoch FROM m.recorded_at)",
        };
        return $"""
            SELECT ranked.*
            FROM (
                SELECT u.member_id, {tables.ReadingColumns("m")}, {score} AS score
                FROM unnest($1) AS u(member_id)
                JOIN LATERAL (
                    SELECT {tables.ReadingColumns("mm")}
                    FROM {tables.MemberMetrics} AS mm
                    WHERE mm.member_id = u.member_id AND mm.definition_id = $2{tables.VisibleRows("mm", "$7")}
                    ORDER BY mm.recorded_at DESC, mm.id DESC
                    LIMIT 1) AS m ON true) AS ranked
            WHERE $3 OR (ranked.score, ranked.member_id) > ($4, $5)
            ORDER BY ranked.score, ranked.member_id
            LIMIT $6
            """;
    }

    public static Task<List<(MetricReading Reading, decimal Score)>> RunAsync(
        DbContext context,
        IReadOnlyCollection<UserId> memberIds,
        MetricDefinitionId definitionId,
        Ranking ranking,
        PageCursor? after,
        int limit,
        OrganizationId? confinedTo,
        CancellationToken cancellationToken)
    {
        var tables = MetricSetsTables.Of(context);
        return SqlRunner.QueryAsync(
            context,
            tables.Sql($"{nameof(LeaderboardQuery)}.{ranking}", t => Sql(t, ranking)),
            [
                new NpgsqlParameter<Guid[]> { TypedValue = [.. memberIds.Select(id => id.Value)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter<Guid> { TypedValue = definitionId.Value },
                new NpgsqlParameter<bool> { TypedValue = after is null },
                new NpgsqlParameter<decimal> { TypedValue = after?.Key ?? 0m },
                new NpgsqlParameter<Guid> { TypedValue = after?.TieBreaker ?? Guid.Empty },
                new NpgsqlParameter<int> { TypedValue = limit },
                new NpgsqlParameter<Guid?> { TypedValue = confinedTo?.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
            ],
            reader => (ReadingColumns.Read(reader, 1, new UserId(reader.GetGuid(0)), definitionId)!, reader.GetDecimal(1 + ReadingColumns.Count)),
            cancellationToken);
    }
}
