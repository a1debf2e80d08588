using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace MetricSets.SampleHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class FlatReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // After these operations UseMetricSets()'s migrations SQL generator adds what the model cannot express: the
            // function metric_base_amount() and the index member_metrics_member_def_amount_idx, the triggers on member_metrics
            // that keep this table, and its backfill from the stored values (docs/scaling.md); Down removes them first.
            migrationBuilder.CreateTable(
                name: "member_metrics_latest",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    metric_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    base_amount = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("member_metrics_latest_pkey", x => new { x.member_id, x.definition_id, x.organization_id, x.source });
                });

            migrationBuilder.CreateIndex(
                name: "member_metrics_latest_rank_idx",
                table: "member_metrics_latest",
                columns: new[] { "definition_id", "base_amount", "member_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_metrics_latest");
        }
    }
}
