using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace FleetPool.Benchmarks;

/// <summary>One generated booking, as the columns the reports read.</summary>
public readonly record struct BookingRow(
    int VehicleId, Instant Start, Instant End, int BookerId, int CostCenterId, string Status, double DistanceKm, double? ActualKm,
    double? ActualCo2eGrams, double EstimatedCo2eGrams, int? OdometerOutKm, int? OdometerInKm, string? CarReason)
{
    public Instant BlockedUntil => End + Duration.FromMinutes(15);
    public bool Returned => Status == "Returned";
}

/// <summary>Writes generated rows the fastest way the engine has; <see cref="CompleteAsync"/> commits them.</summary>
public interface IBulkWriter : IAsyncDisposable
{
    Task AddAsync(BookingRow row);
    Task AddRefuelAsync(int vehicleId, Instant at, string fuel, double amount);
    Task CompleteAsync();
}

/// <summary>SQLite: prepared inserts in transactions of 200,000 rows, no fsync, a large page cache.</summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert, _refuel;
    private SqliteTransaction _tx;
    private long _written;

    private SqliteBulkWriter(SqliteConnection connection)
    {
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO Bookings (VehicleId, Start, "End", BlockedUntil, BookerId, Purpose, CostCenterId, CreatedAt, Status, DistanceKm,
                ActualKm, ActualCo2eGrams, EstimatedCo2eGrams, OdometerOutKm, OdometerInKm, CheckedOutAt, ReturnedAt, CarReason, AlternativeCheck)
            VALUES ($v, $s, $e, $b, $u, 'Tjänsteresa', $c, $created, $status, $d, $km, $co2, $est, $odoOut, $odoIn, $out, $ret, $reason, 'no')
            """;
        foreach (var name in new[] { "$v", "$s", "$e", "$b", "$u", "$c", "$created", "$status", "$d", "$km", "$co2", "$est", "$odoOut", "$odoIn", "$out", "$ret", "$reason" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        _refuel = connection.CreateCommand();
        _refuel.CommandText = "INSERT INTO Refuellings (VehicleId, At, FuelTanked, Amount) VALUES ($v, $at, $fuel, $amount)";
        foreach (var name in new[] { "$v", "$at", "$fuel", "$amount" })
        {
            _refuel.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        _tx = connection.BeginTransaction();
        (_insert.Transaction, _refuel.Transaction) = (_tx, _tx);
    }

    public static async Task<SqliteBulkWriter> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"; // a throw-away file: no fsync, 256 MB of page cache
        await pragma.ExecuteNonQueryAsync();
        return new SqliteBulkWriter(connection);
    }

    private static object Db<T>(T? value) where T : struct => value is { } v ? v : DBNull.Value;

    public async Task AddAsync(BookingRow row)
    {
        var r = row;
        var p = _insert.Parameters;
        object[] values =
        [
            r.VehicleId, r.Start.ToUnixTimeTicks(), r.End.ToUnixTimeTicks(), r.BlockedUntil.ToUnixTimeTicks(), r.BookerId, r.CostCenterId,
            (r.Start - Duration.FromDays(2)).ToUnixTimeTicks(), r.Status, r.DistanceKm, Db(r.ActualKm), Db(r.ActualCo2eGrams), r.EstimatedCo2eGrams,
            Db(r.OdometerOutKm), Db(r.OdometerInKm), r.Returned ? r.Start.ToUnixTimeTicks() : DBNull.Value, r.Returned ? r.End.ToUnixTimeTicks() : DBNull.Value,
            (object?)r.CarReason ?? DBNull.Value,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            p[i].Value = values[i];
        }
        await _insert.ExecuteNonQueryAsync();
        if (++_written % 200_000 == 0)
        {
            await _tx.CommitAsync();
            _tx = _connection.BeginTransaction();
            (_insert.Transaction, _refuel.Transaction) = (_tx, _tx);
        }
    }

    public async Task AddRefuelAsync(int vehicleId, Instant at, string fuel, double amount)
    {
        (_refuel.Parameters[0].Value, _refuel.Parameters[1].Value, _refuel.Parameters[2].Value, _refuel.Parameters[3].Value) = (vehicleId, at.ToUnixTimeTicks(), fuel, amount);
        await _refuel.ExecuteNonQueryAsync();
    }

    public async Task CompleteAsync()
    {
        await _tx.CommitAsync();
        await using var analyze = _connection.CreateCommand();
        analyze.CommandText = "PRAGMA optimize;";
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        await _insert.DisposeAsync();
        await _refuel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>PostgreSQL: binary COPY into each table (two connections, one stream each), then ANALYZE.</summary>
public sealed class PostgresBulkWriter : IBulkWriter
{
    private readonly NpgsqlConnection _bookings, _refuellings;
    private readonly NpgsqlBinaryImporter _bookingCopy, _refuelCopy;

    private PostgresBulkWriter(NpgsqlConnection bookings, NpgsqlConnection refuellings, NpgsqlBinaryImporter bookingCopy, NpgsqlBinaryImporter refuelCopy) =>
        (_bookings, _refuellings, _bookingCopy, _refuelCopy) = (bookings, refuellings, bookingCopy, refuelCopy);

    public static async Task<PostgresBulkWriter> OpenAsync(string connectionString)
    {
        var bookings = new NpgsqlConnection(connectionString);
        await bookings.OpenAsync();
        var refuellings = new NpgsqlConnection(connectionString);
        await refuellings.OpenAsync();
        var bookingCopy = await bookings.BeginBinaryImportAsync("""
            COPY "Bookings" ("VehicleId", "Start", "End", "BlockedUntil", "BookerId", "Purpose", "CostCenterId", "CreatedAt", "Status", "DistanceKm",
                "ActualKm", "ActualCo2eGrams", "EstimatedCo2eGrams", "OdometerOutKm", "OdometerInKm", "CheckedOutAt", "ReturnedAt", "CarReason", "AlternativeCheck")
            FROM STDIN (FORMAT BINARY)
            """);
        var refuelCopy = await refuellings.BeginBinaryImportAsync("""COPY "Refuellings" ("VehicleId", "At", "FuelTanked", "Amount") FROM STDIN (FORMAT BINARY)""");
        // Ending a COPY of millions of rows updates every index and the exclusion constraint: minutes, not the default 30 s.
        (bookingCopy.Timeout, refuelCopy.Timeout) = (TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        return new PostgresBulkWriter(bookings, refuellings, bookingCopy, refuelCopy);
    }

    public async Task AddAsync(BookingRow row)
    {
        var r = row;
        var c = _bookingCopy;
        await c.StartRowAsync();
        await c.WriteAsync(r.VehicleId, NpgsqlDbType.Integer);
        await c.WriteAsync(r.Start.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        await c.WriteAsync(r.End.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        await c.WriteAsync(r.BlockedUntil.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        await c.WriteAsync(r.BookerId, NpgsqlDbType.Integer);
        await c.WriteAsync("Tjänsteresa", NpgsqlDbType.Varchar);
        await c.WriteAsync(r.CostCenterId, NpgsqlDbType.Integer);
        await c.WriteAsync((r.Start - Duration.FromDays(2)).ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        await c.WriteAsync(r.Status, NpgsqlDbType.Varchar);
        await c.WriteAsync(r.DistanceKm, NpgsqlDbType.Double);
        await WriteNullableAsync(r.ActualKm, NpgsqlDbType.Double);
        await WriteNullableAsync(r.ActualCo2eGrams, NpgsqlDbType.Double);
        await c.WriteAsync(r.EstimatedCo2eGrams, NpgsqlDbType.Double);
        await WriteNullableAsync(r.OdometerOutKm, NpgsqlDbType.Integer);
        await WriteNullableAsync(r.OdometerInKm, NpgsqlDbType.Integer);
        await WriteNullableAsync(r.Returned ? r.Start.ToDateTimeUtc() : (DateTime?)null, NpgsqlDbType.TimestampTz);
        await WriteNullableAsync(r.Returned ? r.End.ToDateTimeUtc() : (DateTime?)null, NpgsqlDbType.TimestampTz);
        if (r.CarReason is { } reason)
        {
            await c.WriteAsync(reason, NpgsqlDbType.Varchar);
        }
        else
        {
            await c.WriteNullAsync();
        }
        await c.WriteAsync("no", NpgsqlDbType.Varchar);
    }

    private async Task WriteNullableAsync<T>(T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            await _bookingCopy.WriteAsync(v, type);
        }
        else
        {
            await _bookingCopy.WriteNullAsync();
        }
    }

    public async Task AddRefuelAsync(int vehicleId, Instant at, string fuel, double amount)
    {
        await _refuelCopy.StartRowAsync();
        await _refuelCopy.WriteAsync(vehicleId, NpgsqlDbType.Integer);
        await _refuelCopy.WriteAsync(at.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        await _refuelCopy.WriteAsync(fuel, NpgsqlDbType.Varchar);
        await _refuelCopy.WriteAsync(amount, NpgsqlDbType.Double);
    }

    public async Task CompleteAsync()
    {
        await _bookingCopy.CompleteAsync();
        await _refuelCopy.CompleteAsync();
        await _bookingCopy.DisposeAsync(); // ends the COPY, so the connection takes a command again
        await _refuelCopy.DisposeAsync();
        // What autovacuum does to a table in use: statistics, and the visibility map index-only scans need. VACUUM runs
        // alone (not in the implicit transaction of a multi-statement command).
        foreach (var table in new[] { "Bookings", "Refuellings", "Vehicles" })
        {
            await using var vacuum = new NpgsqlCommand($"""VACUUM (ANALYZE) "{table}" """, _bookings) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _bookingCopy.DisposeAsync();
        await _refuelCopy.DisposeAsync();
        await _bookings.DisposeAsync();
        await _refuellings.DisposeAsync();
    }
}
