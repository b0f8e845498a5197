using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Reporting;
using FleetPool.Core.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Benchmarks;

/// <summary>One line of the table: FleetPool's figure beside the hand-written baseline's, and their ratio.</summary>
public sealed record Row(string Scenario, string Unit, double FleetPool, double Baseline, string Target, string Note = "")
{
    public double Ratio => FleetPool / Baseline;
}

/// <summary>The hot paths, each measured against the fastest hand-written equivalent on the same file in the same run.</summary>
public sealed class Scenarios(IServiceProvider services, string dbPath, Dataset data, bool small)
{
    private static readonly string[] Holding = ["'Reserved'", "'CheckedOut'", "'Returned'"];
    private readonly OrganisationTime _time = services.GetRequiredService<OrganisationTime>();
    private readonly Instant _now = services.GetRequiredService<IClock>().GetCurrentInstant();

    private SqliteConnection Raw()
    {
        var c = new SqliteConnection($"Data Source={dbPath}");
        c.Open();
        using var pragma = c.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"; // as the app's connections
        pragma.ExecuteNonQuery();
        return c;
    }

    // A 2-hour window 10:00–12:00 Stockholm time on one of the next 30 days, at one of the sites.
    private (int Site, Instant From, Instant To) Window(int i)
    {
        var day = _time.DateOf(_now).PlusDays(1 + Math.Abs(i) % 30);
        var from = _time.Zone.AtStrictly(day.At(new LocalTime(10, 0))).ToInstant();
        return (data.SiteIds[Math.Abs(i) % data.SiteIds.Count], from, from + Duration.FromHours(2));
    }

    public async Task<List<Row>> AvailabilityAsync()
    {
        var availability = services.GetRequiredService<AvailabilityService>();
        var actor = Actor.Of(data.Clients[0].Id, Roles.Staff);
        var iterations = small ? 300 : 2000;
        var fleetPool = await Harness.TimeAsync(50, iterations, async i =>
        {
            var (site, from, to) = Window(i);
            var result = await availability.FindAsync(actor, new AvailabilityQuery(site, from, to));
            if (!result.Succeeded || result.Value!.Vehicles.Count == 0)
            {
                throw new InvalidOperationException("availability found nothing");
            }
        });
        using var connection = Raw();
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT v.Id, v.Name, v.Kind, v.Fuel, v.Seats, v.RangeKm, v.Status,
                   EXISTS (SELECT 1 FROM Bookings b WHERE b.VehicleId = v.Id AND b.Status IN ({string.Join(',', Holding)})
                           AND b.Start < $until AND $from < b.BlockedUntil) AS Booked
            FROM Vehicles v WHERE v.SiteId = $site AND v.Status <> 'Retired'
            """;
        var (ps, pf, pu) = (query.Parameters.Add("$site", SqliteType.Integer), query.Parameters.Add("$from", SqliteType.Integer), query.Parameters.Add("$until", SqliteType.Integer));
        var baseline = await Harness.TimeAsync(50, iterations, async i =>
        {
            var (site, from, to) = Window(i);
            (ps.Value, pf.Value, pu.Value) = (site, from.ToUnixTimeTicks(), (to + Duration.FromMinutes(15)).ToUnixTimeTicks());
            var rows = new List<(int, string, string, string?, int, int?, string, bool)>();
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6), reader.GetBoolean(7)));
            }
            if (rows.Count == 0)
            {
                throw new InvalidOperationException("baseline found nothing");
            }
        });
        return
        [
            new("Availability, one site, 2 h (mean)", "ms", fleetPool.MeanMs, baseline.MeanMs, "ratio ≤ 1.5"),
            new("Availability, one site, 2 h (p95)", "ms", fleetPool.P95Ms, baseline.P95Ms, "p95 ≤ 5 ms"),
        ];
    }

    // Slot k of a vehicle from day `day` on, 3 hours apart: beyond the generated reservations (days 1–30), inside the 90 days allowed.
    private Instant Slot(int day, int k) => _time.Zone.AtStrictly(_time.DateOf(_now).PlusDays(day).AtMidnight()).ToInstant() + Duration.FromHours(3 * k);

    public async Task<List<Row>> BookingCreateAsync()
    {
        var bookings = services.GetRequiredService<BookingService>();
        var iterations = small ? 300 : 2000;
        var cars = data.ElectricCarIds;
        var half = cars.Count / 2;
        var actor = Actor.Of(data.Clients[0].Id, Roles.Staff);
        var fleetPool = await Harness.TimeAsync(20, iterations, async i =>
        {
            var n = i + 20;
            var start = Slot(31, n / half);
            var created = await bookings.CreateAsync(actor, new BookingRequest(cars[n % half], start, start + Duration.FromHours(1), "Bänktest", data.CostCenter, 25));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"booking refused: {created.Problem!.Summary}");
            }
        });
        using var connection = Raw();
        var costCenter = data.CostCenter;
        using var check = connection.CreateCommand();
        check.CommandText = $"SELECT EXISTS (SELECT 1 FROM Bookings WHERE VehicleId = $v AND Status IN ({string.Join(',', Holding)}) AND Start < $until AND $from < BlockedUntil)";
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Bookings (VehicleId, Start, "End", BlockedUntil, BookerId, Purpose, CostCenterId, CreatedAt, Status, DistanceKm, AlternativeCheck)
            VALUES ($v, $s, $e, $b, $u, 'Bänktest', (SELECT Id FROM CostCenters WHERE Code = $c), $now, 'Reserved', 25, 'notAsked')
            """;
        var (cv, cf, cu) = (check.Parameters.Add("$v", SqliteType.Integer), check.Parameters.Add("$from", SqliteType.Integer), check.Parameters.Add("$until", SqliteType.Integer));
        var (iv, isv, ie, ib, iu, ic, inow) = (insert.Parameters.Add("$v", SqliteType.Integer), insert.Parameters.Add("$s", SqliteType.Integer), insert.Parameters.Add("$e", SqliteType.Integer),
            insert.Parameters.Add("$b", SqliteType.Integer), insert.Parameters.Add("$u", SqliteType.Integer), insert.Parameters.Add("$c", SqliteType.Text), insert.Parameters.Add("$now", SqliteType.Integer));
        var baseline = await Harness.TimeAsync(20, iterations, async i =>
        {
            var n = i + 20;
            var start = Slot(31, n / (cars.Count - half));
            var vehicle = cars[half + n % (cars.Count - half)];
            var (end, blocked) = (start + Duration.FromHours(1), start + Duration.FromMinutes(75));
            await using var tx = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the writer lock first, as the app's write gate
            (check.Transaction, insert.Transaction) = (tx, tx);
            (cv.Value, cf.Value, cu.Value) = (vehicle, start.ToUnixTimeTicks(), blocked.ToUnixTimeTicks());
            if ((long)(await check.ExecuteScalarAsync())! != 0)
            {
                throw new InvalidOperationException("baseline slot taken");
            }
            (iv.Value, isv.Value, ie.Value, ib.Value, iu.Value, ic.Value, inow.Value) =
                (vehicle, start.ToUnixTimeTicks(), end.ToUnixTimeTicks(), blocked.ToUnixTimeTicks(), data.Clients[0].Id, costCenter, _now.ToUnixTimeTicks());
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        });
        return [new("Booking create, one writer", "bookings/s", fleetPool.PerSecond, baseline.PerSecond, "≥ 50 % of raw")];
    }

    public async Task<List<Row>> HttpAsync(string url)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
        var tokens = new List<string>();
        foreach (var (_, email) in data.Clients)
        {
            var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = DataGenerator.Password });
            login.EnsureSuccessStatusCode();
            tokens.Add((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        }
        var duration = TimeSpan.FromSeconds(small ? 3 : 10);
        var ceiling = await Harness.LoadAsync(32, duration, async w =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/bench/ping");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[w]);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        });

        // Each worker takes the next free (vehicle, slot); every tenth request races for the slot another worker just took.
        var cars = data.ElectricCarIds;
        long next = 0, created = 0, conflicts = 0, other = 0;
        var load = await Harness.LoadAsync(32, duration, async w =>
        {
            var n = Interlocked.Increment(ref next);
            var k = n % 10 == 0 ? n - 1 : n;
            var start = Slot(61, (int)(k / cars.Count)).InUtc().ToDateTimeOffset();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings")
            {
                Content = JsonContent.Create(new { vehicleId = cars[(int)(k % cars.Count)], start, end = start.AddHours(1), purpose = "Lasttest", costCenter = data.CostCenter, distanceKm = 25 }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[w]);
            using var response = await http.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict) && Interlocked.Read(ref other) == 0)
            {
                Console.WriteLine($"unexpected {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            _ = response.StatusCode switch
            {
                HttpStatusCode.Created => Interlocked.Increment(ref created),
                HttpStatusCode.Conflict => Interlocked.Increment(ref conflicts),
                _ => Interlocked.Increment(ref other),
            };
        });
        var doubles = DoubleBookings();
        var bookingsPerSecond = created / load.TotalSeconds;
        return
        [
            new("HTTP, 32 clients: bookings/s vs ping/s", "per s", bookingsPerSecond, ceiling.PerSecond, "≥ 2,000 bookings/s",
                $"{created} created, {conflicts} × 409, {other} other, {doubles} double bookings; p95 {load.P95Ms:0.0} ms"),
        ];
    }

    /// <summary>Pairs of slot-holding bookings of one vehicle that overlap, among the future ones: must be zero.</summary>
    public long DoubleBookings()
    {
        using var connection = Raw();
        using var q = connection.CreateCommand();
        q.CommandText = $"""
            SELECT COUNT(*) FROM Bookings a JOIN Bookings b ON b.VehicleId = a.VehicleId AND b.Id > a.Id
            WHERE a.Start >= $now AND b.Start >= $now - 86400 * 10000000 AND a.Status IN ({string.Join(',', Holding)}) AND b.Status IN ({string.Join(',', Holding)})
              AND a.Start < b.BlockedUntil AND b.Start < a.BlockedUntil
            """;
        q.Parameters.AddWithValue("$now", _now.ToUnixTimeTicks());
        return (long)q.ExecuteScalar()!;
    }

    public async Task<List<Row>> FleetShareAsync()
    {
        var job = services.GetRequiredService<FleetShareJob>();
        var today = _time.DateOf(_now);
        await job.RunForAsync(today); // warm-up: compiled model, connection
        var (seconds, peakMb, allocatedMb) = await Harness.OnceWithMemoryAsync(() => job.RunForAsync(today));
        var (from, to) = (_time.StartOfDay(today.PlusYears(-1).PlusDays(1)), _time.StartOfDay(today.PlusDays(1)));
        using var connection = Raw();
        var (baseSeconds, _, _) = await Harness.OnceWithMemoryAsync(async () =>
        {
            using var q = connection.CreateCommand();
            q.CommandText = """
                SELECT v.DepartmentId, v.Kind, v.Fuel, COUNT(*), t.Km, t.Grams FROM Vehicles v
                LEFT JOIN (SELECT VehicleId, SUM(COALESCE(ActualKm, OdometerInKm - OdometerOutKm, 0)) AS Km, SUM(COALESCE(ActualCo2eGrams, 0)) AS Grams
                           FROM Bookings WHERE Status = 'Returned' AND ReturnedAt >= $from AND ReturnedAt < $to GROUP BY VehicleId) t ON t.VehicleId = v.Id
                WHERE v.Status <> 'Retired' GROUP BY v.DepartmentId, v.Kind, v.Fuel;
                SELECT VehicleId, FuelTanked, SUM(Amount) FROM Refuellings WHERE At >= $from AND At < $to GROUP BY VehicleId, FuelTanked;
                """;
            q.Parameters.AddWithValue("$from", from.ToUnixTimeTicks());
            q.Parameters.AddWithValue("$to", to.ToUnixTimeTicks());
            await using var reader = await q.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                }
            }
            while (await reader.NextResultAsync());
        });
        return
        [
            new("Fleet-share job (all units, one date)", "s", seconds, baseSeconds, "≤ 2 s, ≤ 200 MB", $"peak +{peakMb:0} MB working set, {allocatedMb:0} MB allocated"),
        ];
    }

    public async Task<List<Row>> ReportsAsync()
    {
        var fleet = Actor.Of(data.FleetManagerId, Roles.Staff, Roles.FleetManager);
        var steering = services.GetRequiredService<SteeringReports>();
        var planner = services.GetRequiredService<PhaseOutPlanner>();
        var today = _time.DateOf(_now);
        await steering.BuildAsync(fleet, null, null, null);
        var (steeringSeconds, steeringMb, _) = await Harness.OnceWithMemoryAsync(async () => Ensure((await steering.BuildAsync(fleet, null, null, null)).Succeeded));
        await planner.BuildAsync(fleet);
        var (planSeconds, planMb, _) = await Harness.OnceWithMemoryAsync(async () => Ensure((await planner.BuildAsync(fleet)).Succeeded));
        using var connection = Raw();
        var (from, to) = (_time.StartOfDay(today.PlusDays(-90)).ToUnixTimeTicks(), _time.StartOfDay(today.PlusDays(1)).ToUnixTimeTicks());
        var (steeringBase, _, _) = await Harness.OnceWithMemoryAsync(() => DrainAsync(connection, """
            SELECT v.SiteId, v.Kind, b.CarReason, COUNT(*), SUM(2 * b.DistanceKm) FROM Bookings b JOIN Vehicles v ON v.Id = b.VehicleId
            WHERE b.Status IN ('Returned', 'CheckedOut') AND b.Start >= $from AND b.Start < $to AND b.DistanceKm <= 10
            GROUP BY v.SiteId, v.Kind, b.CarReason
            """, from, to));
        var yearAgo = _time.StartOfDay(today.PlusYears(-1)).ToUnixTimeTicks();
        var (planBase, _, _) = await Harness.OnceWithMemoryAsync(() => DrainAsync(connection, """
            SELECT b.VehicleId, COUNT(*), SUM(COALESCE(b.ActualKm, b.OdometerInKm - b.OdometerOutKm, 0)),
                   SUM(CASE WHEN b.ReturnedAt > $to THEN b.ReturnedAt - MAX(b.Start, $to) ELSE 0 END)
            FROM Bookings b JOIN Vehicles v ON v.Id = b.VehicleId
            WHERE v.Status <> 'Retired' AND v.Kind IN ('Car', 'Van') AND b.Status = 'Returned' AND b.ReturnedAt >= $from
            GROUP BY b.VehicleId
            """, yearAgo, _now.ToUnixTimeTicks() - 90L * 86400 * 10_000_000));
        return
        [
            new("Steering report (90 days, all departments)", "s", steeringSeconds, steeringBase, "—", $"peak +{steeringMb:0} MB"),
            new("Phase-out planner (12 months)", "s", planSeconds, planBase, "—", $"peak +{planMb:0} MB"),
        ];
    }

    private static async Task DrainAsync(SqliteConnection connection, string sql, long from, long to)
    {
        await using var q = connection.CreateCommand();
        q.CommandText = sql;
        q.Parameters.AddWithValue("$from", from);
        q.Parameters.AddWithValue("$to", to);
        await using var reader = await q.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static void Ensure(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("report refused");
        }
    }
}
