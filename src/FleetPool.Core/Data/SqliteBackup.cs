using FleetPool.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Data;

/// <summary>
/// Nightly copy of the SQLite database with <c>VACUUM INTO</c> (a consistent online copy while the app runs), keeping the
/// newest <c>BackupsToKeep</c> files, after refreshing the query planner's statistics (<c>ANALYZE</c>). Does nothing on PostgreSQL (use pg_dump there). Re-running on the same day replaces
/// that day's copy.
/// </summary>
public sealed class SqliteBackup(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<OperationsOptions> options)
{
    /// <summary>Writes today's copy into <paramref name="folder"/> (default: the configured folder); returns its path, or null on PostgreSQL.</summary>
    public async Task<string?> RunAsync(string? folder = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!db.IsSqlite)
        {
            return null;
        }
        var target = Path.GetFullPath(folder ?? options.Value.BackupFolder);
        Directory.CreateDirectory(target);
        var file = Path.Combine(target, $"fleetpool-{clock.GetCurrentInstant().ToDateTimeUtc():yyyyMMdd}.db");
        File.Delete(file);
        // The app's only ANALYZE, so the planner has the statistics the benchmarks measure with, fresh each night (stale
        // ones from a nearly empty first day mislead it); the limit reads ~1,000 rows per index, and the copy carries them.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);
        // The path is ours, not user input; VACUUM INTO takes no parameters, so quotes are doubled.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"VACUUM INTO '{file.Replace("'", "''", StringComparison.Ordinal)}'", ct);
#pragma warning restore EF1002
        foreach (var old in Directory.GetFiles(target, "fleetpool-*.db").OrderByDescending(f => f, StringComparer.Ordinal).Skip(options.Value.BackupsToKeep))
        {
            File.Delete(old);
        }
        return file;
    }
}
