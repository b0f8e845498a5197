using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TripSteering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ActualCo2eGrams",
                table: "Bookings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ActualKm",
                table: "Bookings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DestinationPlaceId",
                table: "Bookings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EstimatedCo2eGrams",
                table: "Bookings",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Places", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_DestinationPlaceId",
                table: "Bookings",
                column: "DestinationPlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Places_Name",
                table: "Places",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Places");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_DestinationPlaceId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ActualCo2eGrams",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ActualKm",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "DestinationPlaceId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "EstimatedCo2eGrams",
                table: "Bookings");
        }
    }
}
