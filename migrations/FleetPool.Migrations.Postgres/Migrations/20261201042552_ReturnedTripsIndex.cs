using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReturnedTripsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Bookings_ReturnedTrips",
                table: "Bookings",
                columns: new[] { "Status", "ReturnedAt", "VehicleId", "ActualKm", "OdometerInKm", "OdometerOutKm", "ActualCo2eGrams" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_ReturnedTrips",
                table: "Bookings");
        }
    }
}
