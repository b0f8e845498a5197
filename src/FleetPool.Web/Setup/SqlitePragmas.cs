using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FleetPool.Web.Setup;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL: with WAL, each commit syncs the log to disk before it returns, so a
/// booking acknowledged with 201 survives power loss and an OS crash, not only a process crash (NORMAL would sync only at
/// checkpoints and could lose the last commits; the benchmark states what FULL costs). Set once per physical connection:
/// the pool hands the same sqlite3 handle out again with its settings kept, and running the pragmas on every open cost a
/// quarter millisecond.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The settings every app connection runs with (the benchmark's raw baseline runs with the same).</summary>
    public const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Pragmas);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
