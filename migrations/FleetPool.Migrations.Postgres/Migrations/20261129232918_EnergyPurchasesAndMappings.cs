using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EnergyPurchasesAndMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnergyMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DateColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EndColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VehicleColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProductColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AmountColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnitColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PriceColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TransactionColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PlaceColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnergyMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnergyPurchases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VehicleId = table.Column<int>(type: "integer", nullable: true),
                    Identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Fuel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<double>(type: "double precision", nullable: false),
                    PriceSek = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnergyPurchases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnergyPurchases_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnergyMappings_Name",
                table: "EnergyMappings",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnergyPurchases_Source_TransactionId",
                table: "EnergyPurchases",
                columns: new[] { "Source", "TransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnergyPurchases_VehicleId_At",
                table: "EnergyPurchases",
                columns: new[] { "VehicleId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnergyMappings");

            migrationBuilder.DropTable(
                name: "EnergyPurchases");
        }
    }
}
