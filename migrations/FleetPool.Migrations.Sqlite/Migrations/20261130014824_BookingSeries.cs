using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BookingSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookerId = table.Column<int>(type: "INTEGER", nullable: false),
                    DriverId = table.Column<int>(type: "INTEGER", nullable: true),
                    VehicleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CostCenterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DestinationPlaceId = table.Column<int>(type: "INTEGER", nullable: true),
                    CarReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FossilReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AlternativeCheck = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Passengers = table.Column<int>(type: "INTEGER", nullable: true),
                    Every = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DaysMask = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    StartTime = table.Column<long>(type: "INTEGER", nullable: false),
                    EndTime = table.Column<long>(type: "INTEGER", nullable: false),
                    EndDayOffset = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedThrough = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonalDataRemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
