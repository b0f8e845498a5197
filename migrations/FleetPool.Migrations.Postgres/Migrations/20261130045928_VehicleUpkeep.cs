using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VehicleId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
                    VehicleId = table.Column<int>(type: "integer", nullable: false),
                    NextServiceOn = table.Column<LocalDate>(type: "date", nullable: true),
                    NextServiceKm = table.Column<int>(type: "integer", nullable: true),
                    ServiceIntervalMonths = table.Column<int>(type: "integer", nullable: true),
                    ServiceIntervalKm = table.Column<int>(type: "integer", nullable: true),
                    LastServiceOn = table.Column<LocalDate>(type: "date", nullable: true),
                    FirstRegisteredOn = table.Column<LocalDate>(type: "date", nullable: true),
                    LastInspectedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    InspectionDueOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Tyres = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InsuranceEndsOn = table.Column<LocalDate>(type: "date", nullable: true),
                    LeaseEndsOn = table.Column<LocalDate>(type: "date", nullable: true)
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
