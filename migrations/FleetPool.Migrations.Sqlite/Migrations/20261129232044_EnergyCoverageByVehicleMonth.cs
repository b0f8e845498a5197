using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EnergyCoverageByVehicleMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A different count (vehicle-months, not vehicles): dropped, not renamed, so no old value is misread.
            migrationBuilder.DropColumn(
                name: "DrivenWithoutEnergy",
                table: "FleetShareSnapshots");

            migrationBuilder.AddColumn<int>(
                name: "DrivenVehicleMonthsWithEnergy",
                table: "FleetShareSnapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrivenVehicleMonths",
                table: "FleetShareSnapshots",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DrivenVehicleMonths",
                table: "FleetShareSnapshots");

            migrationBuilder.DropColumn(
                name: "DrivenVehicleMonthsWithEnergy",
                table: "FleetShareSnapshots");

            migrationBuilder.AddColumn<int>(
                name: "DrivenWithoutEnergy",
                table: "FleetShareSnapshots",
                type: "INTEGER",
                nullable: true);
        }
    }
}
