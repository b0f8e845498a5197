using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VehicleHistoryAndLockedYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FleetShareLocks",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LockedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    LockedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FleetShareLocks", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "VehicleHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VehicleId = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Fuel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApprovedFuels = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VehicleHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VehicleHistory_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VehicleHistory_VehicleId_ValidFrom",
                table: "VehicleHistory",
                columns: new[] { "VehicleId", "ValidFrom" });

            // Every existing vehicle's attributes as its first, undated entry: true since it was acquired, as far as is known.
            migrationBuilder.Sql("""
                INSERT INTO "VehicleHistory" ("VehicleId", "ValidFrom", "DepartmentId", "Fuel", "ApprovedFuels")
                SELECT "Id", NULL, "DepartmentId", "Fuel", "ApprovedFuels" FROM "Vehicles";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FleetShareLocks");

            migrationBuilder.DropTable(
                name: "VehicleHistory");
        }
    }
}
