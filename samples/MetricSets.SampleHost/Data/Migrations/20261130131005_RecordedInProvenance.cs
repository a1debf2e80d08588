using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MetricSets.SampleHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordedInProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "organization_id",
                table: "member_metrics",
                type: "uuid",
                nullable: true)
                .Annotation("Relational:ColumnOrder", 7);

            migrationBuilder.CreateIndex(
                name: "member_metrics_organization_idx",
                table: "member_metrics",
                column: "organization_id");

            migrationBuilder.AddForeignKey(
                name: "member_metrics_organization_id_fkey",
                table: "member_metrics",
                column: "organization_id",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "member_metrics_organization_id_fkey",
                table: "member_metrics");

            migrationBuilder.DropIndex(
                name: "member_metrics_organization_idx",
                table: "member_metrics");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "member_metrics");
        }
    }
}
