using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DamageSeverityAndUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reports filed before severity and "may it be used?" existed were minor and left the vehicle in use.
            migrationBuilder.AddColumn<string>(
                name: "Severity",
                table: "DamageReports",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Minor");

            migrationBuilder.AddColumn<bool>(
                name: "VehicleUsable",
                table: "DamageReports",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Severity",
                table: "DamageReports");

            migrationBuilder.DropColumn(
                name: "VehicleUsable",
                table: "DamageReports");
        }
    }
}
