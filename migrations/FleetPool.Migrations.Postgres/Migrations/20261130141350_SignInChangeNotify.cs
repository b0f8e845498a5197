using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FleetPool.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Every committed change to a user's active flag or security stamp (or the row's removal) is announced on the
    /// channel <c>fleetpool_signin</c> with the user's id, whoever made it: each app instance drops the user from its
    /// cache of sign-in states (PostgresSignInListener), so no request needs a query to know a sign-in still stands.
    /// </summary>
    public partial class SignInChangeNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION fleetpool_signin_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('fleetpool_signin', OLD."Id"::text);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "AspNetUsers_signin_changed" AFTER UPDATE OF "IsActive", "SecurityStamp" OR DELETE ON "AspNetUsers"
                    FOR EACH ROW EXECUTE FUNCTION fleetpool_signin_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "AspNetUsers_signin_changed" ON "AspNetUsers";
                DROP FUNCTION fleetpool_signin_changed();
                """);
        }
    }
}
