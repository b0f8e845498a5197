using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DateColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EndColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VehicleColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProductColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AmountColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PriceColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TransactionColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PlaceColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnergyMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnergyPurchases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VehicleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Fuel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: false),
                    PriceSek = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: true)
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
