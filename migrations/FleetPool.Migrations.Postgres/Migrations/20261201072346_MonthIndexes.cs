using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MonthIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Refuellings_Months",
                table: "Refuellings",
                columns: new[] { "At", "VehicleId", "FuelTanked", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_EnergyPurchases_Months",
                table: "EnergyPurchases",
                columns: new[] { "At", "VehicleId", "Fuel", "Source", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Refuellings_Months",
                table: "Refuellings");

            migrationBuilder.DropIndex(
                name: "IX_EnergyPurchases_Months",
                table: "EnergyPurchases");
        }
    }
}
