using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FleetPool.Benchmarks;

/// <summary>
/// One throw-away database for a run: a SQLite file, or a new database on a PostgreSQL server (dropped afterwards). It
/// opens the raw connections the baselines use and writes the generated bookings the fastest way the engine has.
/// </summary>
public abstract class BenchDatabase : IAsyncDisposable
{
    /// <summary>"Sqlite" or "Postgres", as the app's <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The connection string the app uses.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Where the app keeps its data-protection certificate (shared by instances on one database).</summary>
    public required string CertificatePath { get; init; }

    /// <summary>An open connection for hand-written SQL, set up as the app's are.</summary>
    public abstract Task<DbConnection> OpenRawAsync();

    /// <summary>The engine and its settings, for the table's heading.</summary>
    public abstract Task<string> DescribeAsync();

    /// <summary>A writer for generated bookings and refuellings (prepared inserts on SQLite, binary COPY on PostgreSQL).</summary>
    public abstract Task<IBulkWriter> BulkWriterAsync();

    /// <summary>The hand-written equivalents of the hot paths for this engine.</summary>
    public abstract Baselines Baselines { get; }

    public abstract ValueTask DisposeAsync();

    /// <summary>Whether PostgreSQL databases outlive the run (<c>--keep</c>), to look at query plans afterwards.</summary>
    public static bool Keep { get; set; }

    public static BenchDatabase Sqlite(string folder, string name) => new SqliteBench(Path.Combine(folder, name + ".db")) { CertificatePath = Path.Combine(folder, name + ".pfx") };

    public static async Task<BenchDatabase> PostgresAsync(string server, string folder, string name)
    {
        var database = $"fleetpool_bench_{name}_{Guid.NewGuid():N}"[..50];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        return new PostgresBench(server, connection, database) { CertificatePath = Path.Combine(folder, name + ".pfx") };
    }

    private sealed class SqliteBench(string path) : BenchDatabase
    {
        public override string Provider => "Sqlite";
        public override string ConnectionString => $"Data Source={path}";
        public override Baselines Baselines => new SqliteBaselines();

        public override async Task<DbConnection> OpenRawAsync()
        {
            var c = new SqliteConnection(ConnectionString);
            await c.OpenAsync();
            await using var pragma = c.CreateCommand();
            pragma.CommandText = FleetPool.Web.Setup.SqlitePragmas.Pragmas; // as the app's connections
            await pragma.ExecuteNonQueryAsync();
            return c;
        }

        public override Task<string> DescribeAsync() => Task.FromResult($"SQLite {new SqliteConnection().ServerVersion} (WAL, synchronous=FULL)");

        public override async Task<IBulkWriter> BulkWriterAsync() => await SqliteBulkWriter.OpenAsync(path);

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresBench(string server, string connectionString, string database) : BenchDatabase
    {
        public override string Provider => "Postgres";
        public override string ConnectionString => connectionString;
        public override Baselines Baselines => new PostgresBaselines();

        public override async Task<DbConnection> OpenRawAsync()
        {
            var c = new NpgsqlConnection(connectionString);
            await c.OpenAsync();
            return c;
        }

        public override async Task<string> DescribeAsync()
        {
            await using var c = new NpgsqlConnection(connectionString);
            await c.OpenAsync();
            await using var q = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers')", c);
            await using var r = await q.ExecuteReaderAsync();
            await r.ReadAsync();
            return $"PostgreSQL {r.GetString(0)} (fsync={r.GetString(1)}, synchronous_commit={r.GetString(2)}, shared_buffers={r.GetString(3)}, otherwise defaults)";
        }

        public override async Task<IBulkWriter> BulkWriterAsync() => await PostgresBulkWriter.OpenAsync(connectionString);

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            if (Keep && !database.Contains("_probe_", StringComparison.Ordinal))
            {
                Console.WriteLine($"kept the PostgreSQL database {database}");
                return;
            }
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
