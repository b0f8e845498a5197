using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BookingOverlapIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_VehicleId_Start_BlockedUntil",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_VehicleId_BlockedUntil_Start",
                table: "Bookings",
                columns: new[] { "VehicleId", "BlockedUntil", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_VehicleId_BlockedUntil_Start",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_VehicleId_Start_BlockedUntil",
                table: "Bookings",
                columns: new[] { "VehicleId", "Start", "BlockedUntil" });
        }
    }
}
