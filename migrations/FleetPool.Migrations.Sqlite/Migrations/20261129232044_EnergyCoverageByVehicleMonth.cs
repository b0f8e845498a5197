using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EnergyCoverageByVehicleMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A different count (vehicle-months, not vehicles): dropped, not renamed, so no old value is misread.
            // SQLite 3.35+ drops a column in place; EF's table rebuild would switch foreign keys off outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"FleetShareSnapshots\" DROP COLUMN \"DrivenWithoutEnergy\";");

            migrationBuilder.AddColumn<int>(
                name: "DrivenVehicleMonthsWithEnergy",
                table: "FleetShareSnapshots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrivenVehicleMonths",
                table: "FleetShareSnapshots",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite 3.35+ drops a column in place; EF's table rebuild would switch foreign keys off outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"FleetShareSnapshots\" DROP COLUMN \"DrivenVehicleMonths\";");

            // SQLite 3.35+ drops a column in place; EF's table rebuild would switch foreign keys off outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"FleetShareSnapshots\" DROP COLUMN \"DrivenVehicleMonthsWithEnergy\";");

            migrationBuilder.AddColumn<int>(
                name: "DrivenWithoutEnergy",
                table: "FleetShareSnapshots",
                type: "INTEGER",
                nullable: true);
        }
    }
}
