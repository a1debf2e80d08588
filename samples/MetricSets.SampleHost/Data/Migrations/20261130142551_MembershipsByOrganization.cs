using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MetricSets.SampleHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembershipsByOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_memberships_organization_id",
                table: "memberships");

            migrationBuilder.CreateIndex(
                name: "memberships_organization_role_idx",
                table: "memberships",
                columns: new[] { "organization_id", "role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "memberships_organization_role_idx",
                table: "memberships");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_organization_id",
                table: "memberships",
                column: "organization_id");
        }
    }
}
