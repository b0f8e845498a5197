using System.Data.Common;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace FleetPool.Benchmarks;

/// <summary>
/// The fastest hand-written equivalent of each hot path on one engine: prepared statements on one open connection,
/// results read into plain tuples. Scenarios time these beside FleetPool on the same database in the same run.
/// </summary>
public abstract class Baselines
{
    protected const string Holding = "'Reserved', 'CheckedOut', 'Returned'";

    /// <summary>A site's vehicles with a booked flag for a window (until already includes the 15-minute buffer); returns the row count.</summary>
    public abstract Func<int, Instant, Instant, Task<int>> Availability(DbConnection connection);

    /// <summary>
    /// What availability must read to give its answer, by hand: the site with its opening hours (to say whether the slot
    /// is open), then the site's vehicles with every column the answer shows, the booked flag and the open damage count.
    /// <see cref="Availability"/> reads 8 columns and nothing else, so it is a floor no answer can reach.
    /// </summary>
    public Func<int, Instant, Instant, Task<int>> AvailabilityAnswer(DbConnection connection)
    {
        var site = connection.CreateCommand();
        site.CommandText = """
            SELECT s.*, h."Day", h."Opens", h."Closes" FROM "Sites" s LEFT JOIN "OpeningHours" h ON h."SiteId" = s."Id" WHERE s."Id" = @site
            """;
        var vehicles = connection.CreateCommand();
        vehicles.CommandText = $"""
            SELECT v."Id", v."Kind", v."Name", v."Registration", v."SiteId", v."DepartmentId", v."Fuel", v."ApprovedFuels", v."RangeKm", v."Seats",
                   v."Status", v."AcquiredOn", v."RetiredOn", v."PlannedRetirementOn", v."ReplacementFuel", v."LastOdometerKm",
                   EXISTS (SELECT 1 FROM "Bookings" b WHERE b."VehicleId" = v."Id" AND b."Status" IN ({Holding})
                           AND b."Start" < @until AND @from < b."BlockedUntil") AS "Booked",
                   (SELECT COUNT(*) FROM "DamageReports" d WHERE d."VehicleId" = v."Id" AND d."ResolvedAt" IS NULL) AS "OpenDamage"
            FROM "Vehicles" v WHERE v."SiteId" = @site AND v."Status" <> 'Retired'
            """;
        var siteId = AddParameter(site, "site", 0);
        var (vs, vf, vu) = (AddParameter(vehicles, "site", 0), AddParameter(vehicles, "from", Instant.FromUtc(2000, 1, 1, 0, 0)), AddParameter(vehicles, "until", Instant.FromUtc(2000, 1, 1, 0, 0)));
        var prepared = false;
        return async (id, from, until) =>
        {
            (siteId.Value, vs.Value, vf.Value, vu.Value) = (id, id, InstantValue(from), InstantValue(until));
            if (!prepared)
            {
                await site.PrepareAsync();
                await vehicles.PrepareAsync();
                prepared = true;
            }
            await DrainAsync(site);
            var rows = new List<object[]>();
            await using var reader = await vehicles.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
            return rows.Count;
        };
    }

    /// <summary>
    /// What FleetPool's create does, by hand, statement for statement: read the vehicle, the cost centre, the driver, the
    /// organisation's units and the site with its hours; then in the write transaction the slot check, the approval
    /// rules, the booking, its audit entry (the booking as JSON) and the booker's notice. <see cref="CreateBooking"/> is
    /// the overlap check and the insert alone: a floor no booking with rules, audit and notice can reach.
    /// </summary>
    public Func<int, Instant, Instant, int, string, Instant, Task<bool>> CreateBookingAnswer(DbConnection connection)
    {
        DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }
        var vehicle = Command("""SELECT * FROM "Vehicles" WHERE "Id" = @id""");
        var costCenter = Command("""SELECT * FROM "CostCenters" WHERE "Code" = @code AND "IsActive" """);
        var driver = Command("""SELECT * FROM "AspNetUsers" WHERE "Id" = @id AND "IsActive" """);
        var units = Command("""SELECT "Id", "Kind", "Name", "ParentId" FROM "OrgUnits" """);
        var site = Command("""
            SELECT s.*, h."Day", h."Opens", h."Closes" FROM "Sites" s LEFT JOIN "OpeningHours" h ON h."SiteId" = s."Id"
            WHERE s."Id" = (SELECT "SiteId" FROM "Vehicles" WHERE "Id" = @id)
            """);
        var check = Command($"""
            SELECT v."Status", EXISTS (SELECT 1 FROM "Bookings" b WHERE b."VehicleId" = v."Id" AND b."Status" IN ({Holding}, 'Offered', 'Pending', 'Maintenance')
                   AND b."Start" < @until AND @from < b."BlockedUntil") FROM "Vehicles" v WHERE v."Id" = @v
            """);
        var rules = Command("""SELECT * FROM "ApprovalRules" """);
        var insert = Command("""
            INSERT INTO "Bookings" ("VehicleId", "Start", "End", "BlockedUntil", "BookerId", "Purpose", "CostCenterId", "CreatedAt", "Status", "DistanceKm", "AlternativeCheck")
            VALUES (@v, @s, @e, @b, @u, 'Bänktest', @c, @now, 'Reserved', 25, 'notAsked') RETURNING "Id"
            """);
        var audit = Command("""
            INSERT INTO "AuditEntries" ("Action", "ActorId", "After", "At", "Entity", "EntityId") VALUES ('Added', @u, @after, @now, 'Booking', @id)
            """);
        var notice = Command("""
            INSERT INTO "Notifications" ("Arguments", "At", "BookingId", "Kind", "UserId") VALUES (@args, @now, @id, 'bookingConfirmed', @u)
            """);
        var epoch = Instant.FromUtc(2000, 1, 1, 0, 0);
        var (vehicleId, code, driverId, siteOf) = (AddParameter(vehicle, "id", 0), AddParameter(costCenter, "code", ""), AddParameter(driver, "id", 0), AddParameter(site, "id", 0));
        var (cv, cf, cu) = (AddParameter(check, "v", 0), AddParameter(check, "from", epoch), AddParameter(check, "until", epoch));
        var (iv, istart, iend, iblocked, iuser, icost, inow) = (AddParameter(insert, "v", 0), AddParameter(insert, "s", epoch), AddParameter(insert, "e", epoch),
            AddParameter(insert, "b", epoch), AddParameter(insert, "u", 0), AddParameter(insert, "c", 0), AddParameter(insert, "now", epoch));
        var (auser, aafter, anow, aid) = (AddParameter(audit, "u", 0), AddParameter(audit, "after", ""), AddParameter(audit, "now", epoch), AddParameter(audit, "id", 0));
        var (nargs, nnow, nid, nuser) = (AddParameter(notice, "args", ""), AddParameter(notice, "now", epoch), AddParameter(notice, "id", 0), AddParameter(notice, "u", 0));
        var all = new[] { vehicle, costCenter, driver, units, site, check, rules, insert, audit, notice };
        var prepared = false;
        return async (car, start, end, user, costCenterCode, now) =>
        {
            var blocked = end + Duration.FromMinutes(15);
            (vehicleId.Value, code.Value, driverId.Value, siteOf.Value) = (car, costCenterCode, user, car);
            if (!prepared)
            {
                foreach (var command in all)
                {
                    await command.PrepareAsync();
                }
                prepared = true;
            }
            foreach (var command in all)
            {
                command.Transaction = null; // the last call's transaction is gone
            }
            await DrainAsync(vehicle);
            var costCenterId = Convert.ToInt32(await costCenter.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await DrainAsync(driver);
            await DrainAsync(units);
            await DrainAsync(site);
            await using var tx = await BeginWriteAsync(connection);
            foreach (var command in all)
            {
                command.Transaction = tx;
            }
            (cv.Value, cf.Value, cu.Value) = (car, InstantValue(start), InstantValue(blocked));
            await using (var reader = await check.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync() || reader.GetBoolean(1))
                {
                    return false;
                }
            }
            await DrainAsync(rules);
            (iv.Value, istart.Value, iend.Value, iblocked.Value, iuser.Value, icost.Value, inow.Value) =
                (car, InstantValue(start), InstantValue(end), InstantValue(blocked), user, costCenterId, InstantValue(now));
            var id = Convert.ToInt32(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            (auser.Value, anow.Value, aid.Value) = (user, InstantValue(now), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            aafter.Value = System.Text.Json.JsonSerializer.Serialize(new
            {
                Id = id, VehicleId = car, Start = start.ToString(), End = end.ToString(), BlockedUntil = blocked.ToString(), Status = "Reserved", BookerId = user,
                Purpose = "Bänktest", CostCenterId = costCenterId, DistanceKm = 25, AlternativeCheck = "notAsked", CreatedAt = now.ToString(),
                EstimatedCo2eGrams = 700, CarReason = (string?)null, FossilReason = (string?)null, Destination = (string?)null,
            });
            await audit.ExecuteNonQueryAsync();
            (nargs.Value, nnow.Value, nid.Value, nuser.Value) = ($"Bil {car}\u001f{start}\u001f{end}", InstantValue(now), id, user);
            await notice.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            return true;
        };
    }

    /// <summary>The write transaction as the app begins it (SQLite: BEGIN IMMEDIATE; PostgreSQL: READ COMMITTED).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection);

    /// <summary>An instant as this engine's parameter value.</summary>
    protected abstract object InstantValue(Instant instant);

    private DbParameter AddParameter(DbCommand command, string name, object example)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = example is Instant i ? InstantValue(i) : example;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>One booking in its own transaction: the overlap check, then the insert; false when the slot was taken.</summary>
    public abstract Func<int, Instant, Instant, int, string, Instant, Task<bool>> CreateBooking(DbConnection connection);

    /// <summary>The fleet-share job's sums for a year: vehicles by unit, kind and fuel with km and CO2e, and refuellings.</summary>
    public abstract Task FleetShareAsync(DbConnection connection, Instant from, Instant to);

    /// <summary>The steering report's grouping of short trips over a period.</summary>
    public abstract Task SteeringAsync(DbConnection connection, Instant from, Instant to);

    /// <summary>The phase-out planner's per-vehicle year of use.</summary>
    public abstract Task PlanAsync(DbConnection connection, Instant from, Instant to);

    /// <summary>Pairs of slot-holding bookings of one vehicle that overlap, among the future ones: must be zero.</summary>
    public abstract Task<long> DoubleBookingsAsync(DbConnection connection, Instant now);

    protected static async Task DrainAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
            }
        }
        while (await reader.NextResultAsync());
    }

    protected static async Task<int> ReadVehiclesAsync(DbCommand query)
    {
        var rows = new List<(int, string, string, string?, int, int?, string, bool)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6), reader.GetBoolean(7)));
        }
        return rows.Count;
    }
}

/// <summary>Microsoft.Data.Sqlite; instants are stored as ticks since the Unix epoch, as the app's converter writes them.</summary>
public sealed class SqliteBaselines : Baselines
{
    protected override object InstantValue(Instant instant) => instant.ToUnixTimeTicks();

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Func<int, Instant, Instant, Task<int>> Availability(DbConnection connection)
    {
        var query = (SqliteCommand)connection.CreateCommand();
        query.CommandText = $"""
            SELECT v.Id, v.Name, v.Kind, v.Fuel, v.Seats, v.RangeKm, v.Status,
                   EXISTS (SELECT 1 FROM Bookings b WHERE b.VehicleId = v.Id AND b.Status IN ({Holding})
                           AND b.Start < $until AND $from < b.BlockedUntil) AS Booked
            FROM Vehicles v WHERE v.SiteId = $site AND v.Status <> 'Retired'
            """;
        var (ps, pf, pu) = (query.Parameters.Add("$site", SqliteType.Integer), query.Parameters.Add("$from", SqliteType.Integer), query.Parameters.Add("$until", SqliteType.Integer));
        return async (site, from, until) =>
        {
            (ps.Value, pf.Value, pu.Value) = (site, from.ToUnixTimeTicks(), until.ToUnixTimeTicks());
            return await ReadVehiclesAsync(query);
        };
    }

    public override Func<int, Instant, Instant, int, string, Instant, Task<bool>> CreateBooking(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        var check = sqlite.CreateCommand();
        check.CommandText = $"SELECT EXISTS (SELECT 1 FROM Bookings WHERE VehicleId = $v AND Status IN ({Holding}) AND Start < $until AND $from < BlockedUntil)";
        var insert = sqlite.CreateCommand();
        insert.CommandText = """
            INSERT INTO Bookings (VehicleId, Start, "End", BlockedUntil, BookerId, Purpose, CostCenterId, CreatedAt, Status, DistanceKm, AlternativeCheck)
            VALUES ($v, $s, $e, $b, $u, 'Bänktest', (SELECT Id FROM CostCenters WHERE Code = $c), $now, 'Reserved', 25, 'notAsked')
            """;
        var (cv, cf, cu) = (check.Parameters.Add("$v", SqliteType.Integer), check.Parameters.Add("$from", SqliteType.Integer), check.Parameters.Add("$until", SqliteType.Integer));
        var (iv, isv, ie, ib, iu, ic, inow) = (insert.Parameters.Add("$v", SqliteType.Integer), insert.Parameters.Add("$s", SqliteType.Integer), insert.Parameters.Add("$e", SqliteType.Integer),
            insert.Parameters.Add("$b", SqliteType.Integer), insert.Parameters.Add("$u", SqliteType.Integer), insert.Parameters.Add("$c", SqliteType.Text), insert.Parameters.Add("$now", SqliteType.Integer));
        return async (vehicle, start, end, user, costCenter, now) =>
        {
            var blocked = end + Duration.FromMinutes(15);
            await using var tx = sqlite.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the writer lock first, as the app's write gate
            (check.Transaction, insert.Transaction) = (tx, tx);
            (cv.Value, cf.Value, cu.Value) = (vehicle, start.ToUnixTimeTicks(), blocked.ToUnixTimeTicks());
            if ((long)(await check.ExecuteScalarAsync())! != 0)
            {
                return false;
            }
            (iv.Value, isv.Value, ie.Value, ib.Value, iu.Value, ic.Value, inow.Value) =
                (vehicle, start.ToUnixTimeTicks(), end.ToUnixTimeTicks(), blocked.ToUnixTimeTicks(), user, costCenter, now.ToUnixTimeTicks());
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            return true;
        };
    }

    public override Task FleetShareAsync(DbConnection connection, Instant from, Instant to) => DrainAsync(Command(connection, """
        SELECT v.DepartmentId, v.Kind, v.Fuel, COUNT(*), t.Km, t.Grams FROM Vehicles v
        LEFT JOIN (SELECT VehicleId, SUM(COALESCE(ActualKm, OdometerInKm - OdometerOutKm, 0)) AS Km, SUM(COALESCE(ActualCo2eGrams, 0)) AS Grams
                   FROM Bookings WHERE Status = 'Returned' AND ReturnedAt >= $from AND ReturnedAt < $to GROUP BY VehicleId) t ON t.VehicleId = v.Id
        WHERE v.Status <> 'Retired' GROUP BY v.DepartmentId, v.Kind, v.Fuel;
        SELECT VehicleId, FuelTanked, SUM(Amount) FROM Refuellings WHERE At >= $from AND At < $to GROUP BY VehicleId, FuelTanked;
        """, from, to));

    public override Task SteeringAsync(DbConnection connection, Instant from, Instant to) => DrainAsync(Command(connection, """
        SELECT v.SiteId, v.Kind, b.CarReason, COUNT(*), SUM(2 * b.DistanceKm) FROM Bookings b JOIN Vehicles v ON v.Id = b.VehicleId
        WHERE b.Status IN ('Returned', 'CheckedOut') AND b.Start >= $from AND b.Start < $to AND b.DistanceKm <= 10
        GROUP BY v.SiteId, v.Kind, b.CarReason
        """, from, to));

    public override Task PlanAsync(DbConnection connection, Instant from, Instant to) => DrainAsync(Command(connection, """
        SELECT b.VehicleId, COUNT(*), SUM(COALESCE(b.ActualKm, b.OdometerInKm - b.OdometerOutKm, 0)),
               SUM(CASE WHEN b.ReturnedAt > $to THEN b.ReturnedAt - MAX(b.Start, $to) ELSE 0 END)
        FROM Bookings b JOIN Vehicles v ON v.Id = b.VehicleId
        WHERE v.Status <> 'Retired' AND v.Kind IN ('Car', 'Van') AND b.Status = 'Returned' AND b.ReturnedAt >= $from
        GROUP BY b.VehicleId
        """, from, to));

    public override async Task<long> DoubleBookingsAsync(DbConnection connection, Instant now)
    {
        await using var q = Command(connection, $"""
            SELECT COUNT(*) FROM Bookings a JOIN Bookings b ON b.VehicleId = a.VehicleId AND b.Id > a.Id
            WHERE a.Start >= $from AND b.Start >= $to AND a.Status IN ({Holding}) AND b.Status IN ({Holding})
              AND a.Start < b.BlockedUntil AND b.Start < a.BlockedUntil
            """, now, now - Duration.FromDays(1));
        return (long)(await q.ExecuteScalarAsync())!;
    }

    private static SqliteCommand Command(DbConnection connection, string sql, Instant from, Instant to)
    {
        var q = (SqliteCommand)connection.CreateCommand();
        q.CommandText = sql;
        q.Parameters.AddWithValue("$from", from.ToUnixTimeTicks());
        q.Parameters.AddWithValue("$to", to.ToUnixTimeTicks());
        return q;
    }
}

/// <summary>Npgsql, prepared statements (server-side plans), instants as timestamptz.</summary>
public sealed class PostgresBaselines : Baselines
{
    protected override object InstantValue(Instant instant) => instant.ToDateTimeUtc();

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection) => await connection.BeginTransactionAsync();

    public override Func<int, Instant, Instant, Task<int>> Availability(DbConnection connection)
    {
        var query = new NpgsqlCommand($"""
            SELECT v."Id", v."Name", v."Kind", v."Fuel", v."Seats", v."RangeKm", v."Status",
                   EXISTS (SELECT 1 FROM "Bookings" b WHERE b."VehicleId" = v."Id" AND b."Status" IN ({Holding})
                           AND b."Start" < @until AND @from < b."BlockedUntil") AS "Booked"
            FROM "Vehicles" v WHERE v."SiteId" = @site AND v."Status" <> 'Retired'
            """, (NpgsqlConnection)connection);
        var (ps, pf, pu) = (query.Parameters.Add("site", NpgsqlDbType.Integer), query.Parameters.Add("from", NpgsqlDbType.TimestampTz), query.Parameters.Add("until", NpgsqlDbType.TimestampTz));
        var prepared = false;
        return async (site, from, until) =>
        {
            (ps.Value, pf.Value, pu.Value) = (site, from.ToDateTimeUtc(), until.ToDateTimeUtc());
            if (!prepared)
            {
                await query.PrepareAsync();
                prepared = true;
            }
            return await ReadVehiclesAsync(query);
        };
    }

    public override Func<int, Instant, Instant, int, string, Instant, Task<bool>> CreateBooking(DbConnection connection)
    {
        var npgsql = (NpgsqlConnection)connection;
        var check = new NpgsqlCommand($"""SELECT EXISTS (SELECT 1 FROM "Bookings" WHERE "VehicleId" = @v AND "Status" IN ({Holding}) AND "Start" < @until AND @from < "BlockedUntil")""", npgsql);
        var insert = new NpgsqlCommand("""
            INSERT INTO "Bookings" ("VehicleId", "Start", "End", "BlockedUntil", "BookerId", "Purpose", "CostCenterId", "CreatedAt", "Status", "DistanceKm", "AlternativeCheck")
            VALUES (@v, @s, @e, @b, @u, 'Bänktest', (SELECT "Id" FROM "CostCenters" WHERE "Code" = @c), @now, 'Reserved', 25, 'notAsked')
            """, npgsql);
        var (cv, cf, cu) = (check.Parameters.Add("v", NpgsqlDbType.Integer), check.Parameters.Add("from", NpgsqlDbType.TimestampTz), check.Parameters.Add("until", NpgsqlDbType.TimestampTz));
        var (iv, isv, ie, ib, iu, ic, inow) = (insert.Parameters.Add("v", NpgsqlDbType.Integer), insert.Parameters.Add("s", NpgsqlDbType.TimestampTz), insert.Parameters.Add("e", NpgsqlDbType.TimestampTz),
            insert.Parameters.Add("b", NpgsqlDbType.TimestampTz), insert.Parameters.Add("u", NpgsqlDbType.Integer), insert.Parameters.Add("c", NpgsqlDbType.Varchar), insert.Parameters.Add("now", NpgsqlDbType.TimestampTz));
        var prepared = false;
        return async (vehicle, start, end, user, costCenter, now) =>
        {
            var blocked = end + Duration.FromMinutes(15);
            // READ COMMITTED with the exclusion constraint behind it, as the app's transaction.
            await using var tx = await npgsql.BeginTransactionAsync();
            (check.Transaction, insert.Transaction) = (tx, tx);
            (cv.Value, cf.Value, cu.Value) = (vehicle, start.ToDateTimeUtc(), blocked.ToDateTimeUtc());
            (iv.Value, isv.Value, ie.Value, ib.Value, iu.Value, ic.Value, inow.Value) =
                (vehicle, start.ToDateTimeUtc(), end.ToDateTimeUtc(), blocked.ToDateTimeUtc(), user, costCenter, now.ToDateTimeUtc());
            if (!prepared)
            {
                await check.PrepareAsync();
                await insert.PrepareAsync();
                prepared = true;
            }
            if ((bool)(await check.ExecuteScalarAsync())!)
            {
                return false;
            }
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            return true;
        };
    }

    public override Task FleetShareAsync(DbConnection connection, Instant from, Instant to) => DrainAsync(Command(connection, """
        SELECT v."DepartmentId", v."Kind", v."Fuel", COUNT(*), SUM(t.km), SUM(t.grams) FROM "Vehicles" v
        LEFT JOIN (SELECT "VehicleId", SUM(COALESCE("ActualKm", "OdometerInKm" - "OdometerOutKm", 0)) AS km, SUM(COALESCE("ActualCo2eGrams", 0)) AS grams
                   FROM "Bookings" WHERE "Status" = 'Returned' AND "ReturnedAt" >= @from AND "ReturnedAt" < @to GROUP BY "VehicleId") t ON t."VehicleId" = v."Id"
        WHERE v."Status" <> 'Retired' GROUP BY v."DepartmentId", v."Kind", v."Fuel";
        SELECT "VehicleId", "FuelTanked", SUM("Amount") FROM "Refuellings" WHERE "At" >= @from AND "At" < @to GROUP BY "VehicleId", "FuelTanked";
        """, from, to));

    public override Task SteeringAsync(DbConnection connection, Instant from, Instant to) => DrainAsync(Command(connection, """
        SELECT v."SiteId", v."Kind", b."CarReason", COUNT(*), SUM(2 * b."DistanceKm") FROM "Bookings" b JOIN "Vehicles" v ON v."Id" = b."VehicleId"
        WHERE b."Status" IN ('Returned', 'CheckedOut') AND b."Start" >= @from AND b."Start" < @to AND b."DistanceKm" <= 10
        GROUP BY v."SiteId", v."Kind", b."CarReason"
        """, from, to));

    public override Task PlanAsync(DbConnection connection, Instant from, Instant to) => DrainAsync(Command(connection, """
        SELECT b."VehicleId", COUNT(*), SUM(COALESCE(b."ActualKm", b."OdometerInKm" - b."OdometerOutKm", 0)),
               SUM(CASE WHEN b."ReturnedAt" > @to THEN b."ReturnedAt" - GREATEST(b."Start", @to) ELSE INTERVAL '0' END)
        FROM "Bookings" b JOIN "Vehicles" v ON v."Id" = b."VehicleId"
        WHERE v."Status" <> 'Retired' AND v."Kind" IN ('Car', 'Van') AND b."Status" = 'Returned' AND b."ReturnedAt" >= @from
        GROUP BY b."VehicleId"
        """, from, to));

    public override async Task<long> DoubleBookingsAsync(DbConnection connection, Instant now)
    {
        await using var q = Command(connection, $"""
            SELECT COUNT(*) FROM "Bookings" a JOIN "Bookings" b ON b."VehicleId" = a."VehicleId" AND b."Id" > a."Id"
            WHERE a."Start" >= @from AND b."Start" >= @to AND a."Status" IN ({Holding}) AND b."Status" IN ({Holding})
              AND a."Start" < b."BlockedUntil" AND b."Start" < a."BlockedUntil"
            """, now, now - Duration.FromDays(1));
        return (long)(await q.ExecuteScalarAsync())!;
    }

    private static NpgsqlCommand Command(DbConnection connection, string sql, Instant from, Instant to)
    {
        var q = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
        q.Parameters.Add("from", NpgsqlDbType.TimestampTz).Value = from.ToDateTimeUtc();
        q.Parameters.Add("to", NpgsqlDbType.TimestampTz).Value = to.ToDateTimeUtc();
        return q;
    }
}
