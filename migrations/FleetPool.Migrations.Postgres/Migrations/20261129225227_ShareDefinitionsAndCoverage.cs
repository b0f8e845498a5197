using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ShareDefinitionsAndCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "FossilIndependent",
                table: "FleetShareSnapshots",
                newName: "FossilIndependentInPractice");

            migrationBuilder.AddColumn<int>(
                name: "DrivenWithoutEnergy",
                table: "FleetShareSnapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EnergyCo2eKg",
                table: "FleetShareSnapshots",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "EnergyMonths",
                table: "FleetShareSnapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FossilIndependentOfficial",
                table: "FleetShareSnapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "KmMonths",
                table: "FleetShareSnapshots",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DrivenWithoutEnergy",
                table: "FleetShareSnapshots");

            migrationBuilder.DropColumn(
                name: "EnergyCo2eKg",
                table: "FleetShareSnapshots");

            migrationBuilder.DropColumn(
                name: "EnergyMonths",
                table: "FleetShareSnapshots");

            migrationBuilder.DropColumn(
                name: "FossilIndependentOfficial",
                table: "FleetShareSnapshots");

            migrationBuilder.DropColumn(
                name: "KmMonths",
                table: "FleetShareSnapshots");

            migrationBuilder.RenameColumn(
                name: "FossilIndependentInPractice",
                table: "FleetShareSnapshots",
                newName: "FossilIndependent");
        }
    }
}
