using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WaitlistAndApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Waitlist offers (Offered) and bookings awaiting approval (Pending) hold their slot too: the database's guarantee
            // against double booking must cover them, so the exclusion constraint's condition gains both statuses.
            migrationBuilder.Sql("""
                ALTER TABLE "Bookings" DROP CONSTRAINT "Bookings_NoOverlap";
                ALTER TABLE "Bookings" ADD CONSTRAINT "Bookings_NoOverlap"
                EXCLUDE USING gist ("VehicleId" WITH =, tstzrange("Start", "BlockedUntil", '[)') WITH &&)
                WHERE ("Status" IN ('Reserved', 'CheckedOut', 'Returned', 'Offered', 'Pending'));
                """);

            migrationBuilder.CreateTable(
                name: "ApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    Approver = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Rules = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AskedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: true),
                    VehicleKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FromHour = table.Column<int>(type: "integer", nullable: true),
                    ToHour = table.Column<int>(type: "integer", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    Approver = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WaitlistEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Passengers = table.Column<int>(type: "integer", nullable: false),
                    DistanceKm = table.Column<double>(type: "double precision", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CostCenterId = table.Column<int>(type: "integer", nullable: false),
                    AcceptFossil = table.Column<bool>(type: "boolean", nullable: false),
                    CarReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FossilReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    OfferBookingId = table.Column<int>(type: "integer", nullable: true),
                    OfferExpiresAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_CostCenters_CostCenterId",
                        column: x => x.CostCenterId,
                        principalTable: "CostCenters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_BookingId",
                table: "ApprovalRequests",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_DecidedAt_Deadline",
                table: "ApprovalRequests",
                columns: new[] { "DecidedAt", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_DecidedById",
                table: "ApprovalRequests",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_CostCenterId",
                table: "WaitlistEntries",
                column: "CostCenterId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_SiteId",
                table: "WaitlistEntries",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_Status_CreatedAt",
                table: "WaitlistEntries",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_UserId",
                table: "WaitlistEntries",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Bookings" SET "Status" = 'Cancelled' WHERE "Status" IN ('Offered', 'Pending');
                ALTER TABLE "Bookings" DROP CONSTRAINT "Bookings_NoOverlap";
                ALTER TABLE "Bookings" ADD CONSTRAINT "Bookings_NoOverlap"
                EXCLUDE USING gist ("VehicleId" WITH =, tstzrange("Start", "BlockedUntil", '[)') WITH &&)
                WHERE ("Status" IN ('Reserved', 'CheckedOut', 'Returned'));
                """);

            migrationBuilder.DropTable(
                name: "ApprovalRequests");

            migrationBuilder.DropTable(
                name: "ApprovalRules");

            migrationBuilder.DropTable(
                name: "WaitlistEntries");
        }
    }
}
