using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<LocalDate>(type: "date", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Vehicles = table.Column<int>(type: "integer", nullable: false),
                    FossilIndependent = table.Column<int>(type: "integer", nullable: false),
                    ZeroEmission = table.Column<int>(type: "integer", nullable: false),
                    Bikes = table.Column<int>(type: "integer", nullable: false),
                    EnergyMj = table.Column<double>(type: "double precision", nullable: false),
                    FossilFreeEnergyMj = table.Column<double>(type: "double precision", nullable: false),
                    Km = table.Column<double>(type: "double precision", nullable: false),
                    Co2eKg = table.Column<double>(type: "double precision", nullable: false),
                    ComputedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
