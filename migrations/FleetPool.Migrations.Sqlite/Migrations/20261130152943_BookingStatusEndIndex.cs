using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BookingStatusEndIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Status_End",
                table: "Bookings",
                columns: new[] { "Status", "End" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_Status_End",
                table: "Bookings");
        }
    }
}
