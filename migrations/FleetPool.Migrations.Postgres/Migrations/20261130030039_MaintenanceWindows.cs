using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MaintenanceWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A planned workshop window is a slot-holding booking (status Maintenance): the database's guarantee against
            // double booking must keep trips out of it too.
            migrationBuilder.Sql("""
                ALTER TABLE "Bookings" DROP CONSTRAINT "Bookings_NoOverlap";
                ALTER TABLE "Bookings" ADD CONSTRAINT "Bookings_NoOverlap"
                EXCLUDE USING gist ("VehicleId" WITH =, tstzrange("Start", "BlockedUntil", '[)') WITH &&)
                WHERE ("Status" IN ('Reserved', 'CheckedOut', 'Returned', 'Offered', 'Pending', 'Maintenance'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Bookings" SET "Status" = 'Cancelled' WHERE "Status" = 'Maintenance';
                ALTER TABLE "Bookings" DROP CONSTRAINT "Bookings_NoOverlap";
                ALTER TABLE "Bookings" ADD CONSTRAINT "Bookings_NoOverlap"
                EXCLUDE USING gist ("VehicleId" WITH =, tstzrange("Start", "BlockedUntil", '[)') WITH &&)
                WHERE ("Status" IN ('Reserved', 'CheckedOut', 'Returned', 'Offered', 'Pending'));
                """);
        }
    }
}
