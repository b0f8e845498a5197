using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BookingStartIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Start",
                table: "Bookings",
                column: "Start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_Start",
                table: "Bookings");
        }
    }
}
