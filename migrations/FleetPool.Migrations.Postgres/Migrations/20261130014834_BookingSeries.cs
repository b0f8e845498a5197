using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BookingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "Bookings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BookingSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookerId = table.Column<int>(type: "integer", nullable: false),
                    DriverId = table.Column<int>(type: "integer", nullable: true),
                    VehicleId = table.Column<int>(type: "integer", nullable: false),
                    CostCenterId = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DistanceKm = table.Column<double>(type: "double precision", nullable: false),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DestinationPlaceId = table.Column<int>(type: "integer", nullable: true),
                    CarReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FossilReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AlternativeCheck = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Passengers = table.Column<int>(type: "integer", nullable: true),
                    Every = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DaysMask = table.Column<int>(type: "integer", nullable: false),
                    FirstDate = table.Column<LocalDate>(type: "date", nullable: false),
                    LastDate = table.Column<LocalDate>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    StartTime = table.Column<LocalTime>(type: "time", nullable: false),
                    EndTime = table.Column<LocalTime>(type: "time", nullable: false),
                    EndDayOffset = table.Column<int>(type: "integer", nullable: false),
                    BookedThrough = table.Column<LocalDate>(type: "date", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    PersonalDataRemovedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookingSeries_AspNetUsers_BookerId",
                        column: x => x.BookerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BookingSeries_AspNetUsers_DriverId",
                        column: x => x.DriverId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BookingSeries_CostCenters_CostCenterId",
                        column: x => x.CostCenterId,
                        principalTable: "CostCenters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BookingSeries_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SeriesId_Start",
                table: "Bookings",
                columns: new[] { "SeriesId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingSeries_BookerId_FirstDate",
                table: "BookingSeries",
                columns: new[] { "BookerId", "FirstDate" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingSeries_CostCenterId",
                table: "BookingSeries",
                column: "CostCenterId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingSeries_DriverId",
                table: "BookingSeries",
                column: "DriverId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingSeries_VehicleId",
                table: "BookingSeries",
                column: "VehicleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookingSeries");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_SeriesId_Start",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Bookings");
        }
    }
}
