using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FleetShareSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FleetShareSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Vehicles = table.Column<int>(type: "INTEGER", nullable: false),
                    FossilIndependent = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroEmission = table.Column<int>(type: "INTEGER", nullable: false),
                    Bikes = table.Column<int>(type: "INTEGER", nullable: false),
                    EnergyMj = table.Column<double>(type: "REAL", nullable: false),
                    FossilFreeEnergyMj = table.Column<double>(type: "REAL", nullable: false),
                    Km = table.Column<double>(type: "REAL", nullable: false),
                    Co2eKg = table.Column<double>(type: "REAL", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FleetShareSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FleetShareSnapshots_Date_Level_UnitId",
                table: "FleetShareSnapshots",
                columns: new[] { "Date", "Level", "UnitId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FleetShareSnapshots");
        }
    }
}
