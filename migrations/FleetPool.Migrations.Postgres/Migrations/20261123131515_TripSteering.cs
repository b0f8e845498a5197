using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ActualKm",
                table: "Bookings",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DestinationPlaceId",
                table: "Bookings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EstimatedCo2eGrams",
                table: "Bookings",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Confidential = table.Column<bool>(type: "boolean", nullable: false)
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
