using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BikeChargingLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "BikeChargingKwh",
                table: "FleetShareSnapshots",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite 3.35+ drops a column in place; EF's table rebuild would switch foreign keys off outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"FleetShareSnapshots\" DROP COLUMN \"BikeChargingKwh\";");
        }
    }
}
