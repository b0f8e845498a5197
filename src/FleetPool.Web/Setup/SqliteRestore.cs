using Microsoft.Data.Sqlite;

namespace FleetPool.Web.Setup;

/// <summary>
/// Held by the one app instance that serves a SQLite file (an OS lock on <c>{database}.lock</c>, released when the
/// process ends, even by a kill): a second instance, or a restore, on the same file is refused while it runs.
/// </summary>
internal sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteInstanceLock(FileStream file) => _file = file;

    /// <summary>Takes the lock for a database file, or null when a running instance holds it.</summary>
    public static SqliteInstanceLock? TryTake(string databasePath)
    {
        try
        {
            return new SqliteInstanceLock(new FileStream(Path.GetFullPath(databasePath) + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}

/// <summary>What a restore did, or why it did not.</summary>
internal sealed record RestoreResult(bool Restored, string Message, string? SetAside = null);

/// <summary>
/// Brings a SQLite backup (the nightly <see cref="Core.Data.SqliteBackup"/> copy) into place. Invariants: refused while an instance
/// serves the database (<see cref="SqliteInstanceLock"/>); the backup must pass <c>PRAGMA integrity_check</c> and carry no
/// migration this version does not know, else nothing is touched; the current file (with its -wal and -shm) is set aside,
/// not deleted; the caller migrates the restored file to the current schema.
/// </summary>
internal static class SqliteRestore
{
    /// <summary>Restores <paramref name="backupPath"/> over <paramref name="databasePath"/>; <paramref name="knownMigrations"/> are this version's.</summary>
    public static async Task<RestoreResult> RunAsync(string databasePath, string backupPath, IReadOnlyCollection<string> knownMigrations, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (!File.Exists(backupPath))
        {
            return new(false, $"No backup at {backupPath}.");
        }
        using (var held = SqliteInstanceLock.TryTake(databasePath))
        {
            if (held is null)
            {
                return new(false, $"FleetPool is running on {databasePath}: stop it first, then restore.");
            }
            if (await CheckAsync(backupPath, knownMigrations, ct) is { } problem)
            {
                return new(false, $"The backup was not restored: {problem}");
            }
            var aside = $"{databasePath}.before-restore-{now:yyyyMMddHHmmss}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(databasePath + suffix))
                {
                    File.Move(databasePath + suffix, aside + suffix);
                }
            }
            File.Copy(backupPath, databasePath);
            return new(true, $"Restored {backupPath} to {databasePath}; the previous file is kept as {aside}.", aside);
        }
    }

    // Read-only and unpooled, so the check leaves no handle on the backup.
    private static async Task<string?> CheckAsync(string backupPath, IReadOnlyCollection<string> known, CancellationToken ct)
    {
        try
        {
            await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await db.OpenAsync(ct);
            await using var integrity = db.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            if (await integrity.ExecuteScalarAsync(ct) is not "ok")
            {
                return "it fails SQLite's integrity check.";
            }
            await using var history = db.CreateCommand();
            history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            var applied = new List<string>();
            await using (var reader = await history.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            var unknown = applied.Except(known).ToList();
            return applied.Count == 0 ? "it is not a FleetPool database."
                : unknown.Count > 0 ? $"it was made by a newer FleetPool (migration {unknown[0]}); restore it with that version." : null;
        }
        catch (SqliteException e)
        {
            return $"it cannot be read as a SQLite database ({e.SqliteErrorCode}).";
        }
    }
}
