using FleetPool.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>
/// <c>dotnet run --project src/FleetPool.Web -- restore --from App_Data/backups/fleetpool-20261130.db</c>: puts a nightly
/// SQLite backup in place of the database (refused while FleetPool runs on it, or when the backup fails its checks),
/// migrates it to this version, checks it again and says how many bookings it holds. On PostgreSQL it points to
/// pg_restore (README, "Backup and restore").
/// </summary>
public static class RestoreCommand
{
    /// <summary>True when the arguments ask for this command.</summary>
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "restore";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.IsPostgres)
        {
            Console.Error.WriteLine("On PostgreSQL restore with pg_restore: see the README, section \"Backup and restore\".");
            return 2;
        }
        var from = Array.IndexOf(args, "--from") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (from is null)
        {
            Console.Error.WriteLine("Usage: restore --from <backup file, e.g. App_Data/backups/fleetpool-20261130.db>");
            return 2;
        }
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync())
        {
            var known = db.Database.GetMigrations().ToList();
            var result = await SqliteRestore.RunAsync(database, Path.GetFullPath(from), known, DateTimeOffset.UtcNow);
            (result.Restored ? Console.Out : Console.Error).WriteLine(result.Message);
            if (!result.Restored)
            {
                return 1;
            }
        }
        SqliteConnection.ClearAllPools();
        await app.Services.MigrateAsync();
        await using var restored = await app.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        var integrity = await restored.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync();
        var bookings = await restored.Bookings.CountAsync();
        var last = await restored.Bookings.MaxAsync(b => (NodaTime.Instant?)b.CreatedAt);
        Console.WriteLine($"Integrity: {string.Join(' ', integrity)}. {bookings} bookings; the last made {last?.ToString() ?? "never"}. Start FleetPool as usual.");
        return integrity.SequenceEqual(["ok"]) ? 0 : 1;
    }
}
