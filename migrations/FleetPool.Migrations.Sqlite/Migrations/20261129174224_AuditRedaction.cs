using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RedactedAt",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            // Append-only, except the one update the retention purge makes: setting RedactedAt (once) while blanking Before/After.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_RedactOnly BEFORE UPDATE ON AuditEntries
                WHEN NOT (OLD.RedactedAt IS NULL AND NEW.RedactedAt IS NOT NULL AND NEW.Id = OLD.Id AND NEW.At = OLD.At
                          AND NEW.ActorId IS OLD.ActorId AND NEW.Entity = OLD.Entity AND NEW.EntityId = OLD.EntityId AND NEW.Action = OLD.Action)
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only (only a retention redaction may update a row, once)'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_RedactOnly;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;");
            migrationBuilder.DropColumn(
                name: "RedactedAt",
                table: "AuditEntries");
        }
    }
}
