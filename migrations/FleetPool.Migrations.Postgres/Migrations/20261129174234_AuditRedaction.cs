using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "RedactedAt",
                table: "AuditEntries",
                type: "timestamp with time zone",
                nullable: true);

            // Append-only, except the one update the retention purge makes: setting RedactedAt (once) while blanking Before/After.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND OLD."RedactedAt" IS NULL AND NEW."RedactedAt" IS NOT NULL AND NEW."Id" = OLD."Id"
                     AND NEW."At" = OLD."At" AND NEW."ActorId" IS NOT DISTINCT FROM OLD."ActorId" AND NEW."Entity" = OLD."Entity"
                     AND NEW."EntityId" = OLD."EntityId" AND NEW."Action" = OLD."Action" THEN
                    RETURN NEW;
                  END IF;
                  RAISE EXCEPTION 'AuditEntries is append-only (only a retention redaction may update a row, once)';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'AuditEntries is append-only'; END $$;
                """);
            migrationBuilder.DropColumn(
                name: "RedactedAt",
                table: "AuditEntries");
        }
    }
}
