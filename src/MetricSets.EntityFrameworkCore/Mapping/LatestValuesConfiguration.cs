using Microsoft.EntityFrameworkCore;
using Names = MetricSets.EntityFrameworkCore.Mapping.SchemaNames.LatestValues;

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <c>member_metrics_latest</c>, a table of the library's own that no domain type reads: one row per member,
/// definition, recording organization and source, naming the latest plausible value among them and its exact base-unit
/// amount. Triggers on <c>member_metrics</c> keep it (<see cref="FlatReadsSql"/>); leaderboards of large organizations rank
/// from its <c>(definition_id, base_amount, member_id)</c> index instead of probing every member.
/// </summary>
/// <remarks>
/// A shared-type entity without a CLR type of its own, like the host-table stubs: it exists so that the host's migrations
/// create the table and the model differ sees it. No foreign keys: the rows are derived, and the triggers remove them
/// with the values they name (a member's deletion cascades into <c>member_metrics</c>, whose delete trigger follows).
/// </remarks>
internal static class LatestValuesConfiguration
{
    /// <summary>The entity type's name in the model.</summary>
    public const string EntityName = "MetricSets:LatestValues";

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.SharedTypeEntity<Dictionary<string, object>>(EntityName, latest =>
        {
            latest.ToTable(Names.Table);
            latest.IndexerProperty<Guid>(Names.MemberId).HasColumnName(Names.MemberId).HasColumnOrder(0);
            latest.IndexerProperty<Guid>(Names.DefinitionId).HasColumnName(Names.DefinitionId).HasColumnOrder(1);
            latest.IndexerProperty<Guid>(Names.RecordedIn).HasColumnName(Names.RecordedIn).HasColumnOrder(2);
            latest.IndexerProperty<string>(Names.Source).HasColumnName(Names.Source).HasColumnOrder(3).HasMaxLength(MetricSource.MaxLength).IsRequired();
            latest.IndexerProperty<Guid>(Names.MetricId).HasColumnName(Names.MetricId).HasColumnOrder(4);
            latest.IndexerProperty<NodaTime.Instant>(Names.RecordedAt).HasColumnName(Names.RecordedAt).HasColumnOrder(5);

            // Unconstrained numeric: the exact product of a numeric(14,4) value and a unit's factor.
            latest.IndexerProperty<decimal>(Names.BaseAmount).HasColumnName(Names.BaseAmount).HasColumnOrder(6).HasColumnType("numeric");
            latest.HasKey(Names.MemberId, Names.DefinitionId, Names.RecordedIn, Names.Source).HasName(Names.PrimaryKey);
            latest.HasIndex(Names.DefinitionId, Names.BaseAmount, Names.MemberId).HasDatabaseName(Names.RankIndex);
        });
}
