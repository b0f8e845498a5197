using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VehicleUpkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UpkeepReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VehicleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpkeepReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpkeepReminders_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VehicleUpkeep",
                columns: table => new
                {
                    VehicleId = table.Column<int>(type: "INTEGER", nullable: false),
                    NextServiceOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NextServiceKm = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceIntervalMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceIntervalKm = table.Column<int>(type: "INTEGER", nullable: true),
                    LastServiceOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FirstRegisteredOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    LastInspectedOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    InspectionDueOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Tyres = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InsuranceEndsOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    LeaseEndsOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VehicleUpkeep", x => x.VehicleId);
                    table.ForeignKey(
                        name: "FK_VehicleUpkeep_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UpkeepReminders_VehicleId_Kind_DueKey_Level",
                table: "UpkeepReminders",
                columns: new[] { "VehicleId", "Kind", "DueKey", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UpkeepReminders");

            migrationBuilder.DropTable(
                name: "VehicleUpkeep");
        }
    }
}
