using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Reporting;
using FleetPool.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Benchmarks;

/// <summary>One line of the table: FleetPool's figure beside the hand-written baseline's, and their ratio.</summary>
public sealed record Row(string Scenario, string Unit, double FleetPool, double Baseline, string Target, string Note = "")
{
    public double Ratio => FleetPool / Baseline;

    public static void Print(IEnumerable<Row> rows)
    {
        static string F(double v) => v >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| Scenario | Unit | FleetPool | Raw SQL baseline | Ratio | Target | Note |");
        Console.WriteLine("|---|---|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine($"| {r.Scenario} | {r.Unit} | {F(r.FleetPool)} | {F(r.Baseline)} | {r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)} | {r.Target} | {r.Note} |");
        }
    }
}

/// <summary>The hot paths, each measured against the fastest hand-written equivalent on the same file in the same run.</summary>
public sealed class Scenarios(IServiceProvider services, BenchDatabase database, Dataset data, bool small)
{
    private readonly OrganisationTime _time = services.GetRequiredService<OrganisationTime>();
    private readonly Instant _now = services.GetRequiredService<IClock>().GetCurrentInstant();
    private readonly Baselines _raw = database.Baselines;

    // A 2-hour window 10:00–12:00 Stockholm time on one of the next 30 days, at one of the sites.
    private (int Site, Instant From, Instant To) Window(int i)
    {
        var day = _time.DateOf(_now).PlusDays(1 + Math.Abs(i) % 30);
        var from = _time.Zone.AtStrictly(day.At(new LocalTime(10, 0))).ToInstant();
        return (data.SiteIds[Math.Abs(i) % data.SiteIds.Count], from, from + Duration.FromHours(2));
    }

    /// <summary>FleetPool's availability alone, <paramref name="iterations"/> times after a warm-up.</summary>
    public async Task<Stats> TimeAvailabilityAsync(int iterations)
    {
        var availability = services.GetRequiredService<AvailabilityService>();
        var actor = Actor.Of(data.Clients[0].Id, Roles.Staff);
        return await Harness.TimeAsync(50, iterations, async i =>
        {
            var (site, from, to) = Window(i);
            var result = await availability.FindAsync(actor, new AvailabilityQuery(site, from, to));
            if (!result.Succeeded || result.Value!.Vehicles.Count == 0)
            {
                throw new InvalidOperationException("availability found nothing");
            }
        });
    }

    public async Task<List<Row>> AvailabilityAsync()
    {
        var iterations = small ? 300 : 2000;
        var fleetPool = await TimeAvailabilityAsync(iterations);
        await using var connection = await database.OpenRawAsync();
        var query = _raw.Availability(connection);
        var baseline = await Harness.TimeAsync(50, iterations, async i =>
        {
            var (site, from, to) = Window(i);
            if (await query(site, from, to + Duration.FromMinutes(15)) == 0)
            {
                throw new InvalidOperationException("baseline found nothing");
            }
        });
        var answerQuery = _raw.AvailabilityAnswer(connection);
        var answer = await Harness.TimeAsync(50, iterations, async i =>
        {
            var (site, from, to) = Window(i);
            if (await answerQuery(site, from, to + Duration.FromMinutes(15)) == 0)
            {
                throw new InvalidOperationException("baseline found nothing");
            }
        });
        return
        [
            new("Availability, one site, 2 h (mean), vs the same answer by hand", "ms", fleetPool.MeanMs, answer.MeanMs, "ratio ≤ 2",
                "baseline: site with hours, vehicles with the answer's columns, booked flag, open damage count"),
            new("Availability, one site, 2 h (mean), vs 8 columns only", "ms", fleetPool.MeanMs, baseline.MeanMs, "—", "the floor: no hours, no damage count"),
            new("Availability, one site, 2 h (p95)", "ms", fleetPool.P95Ms, answer.P95Ms, "p95 ≤ 2 ms (SQLite)"),
        ];
    }

    // Slot k of a vehicle from day `day` on, 3 hours apart: beyond the generated reservations (days 1–30), inside the 90 days allowed.
    private Instant Slot(int day, int k) => _time.Zone.AtStrictly(_time.DateOf(_now).PlusDays(day).AtMidnight()).ToInstant() + Duration.FromHours(3 * k);

    /// <summary>FleetPool's booking create alone (one writer, the first half of the electric cars from <paramref name="day"/> on).</summary>
    public async Task<Stats> TimeBookingCreateAsync(int iterations, int day)
    {
        var bookings = services.GetRequiredService<BookingService>();
        var cars = data.ElectricCarIds;
        var half = cars.Count / 2;
        var actor = Actor.Of(data.Clients[0].Id, Roles.Staff);
        return await Harness.TimeAsync(20, iterations, async i =>
        {
            var n = i + 20;
            var start = Slot(day, n / half);
            var created = await bookings.CreateAsync(actor, new BookingRequest(cars[n % half], start, start + Duration.FromHours(1), "Bänktest", data.CostCenter, 25));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"booking refused: {created.Problem!.Summary}");
            }
        });
    }

    public async Task<List<Row>> BookingCreateAsync()
    {
        var iterations = small ? 300 : 2000;
        var fleetPool = await TimeBookingCreateAsync(iterations, 31);
        var cars = data.ElectricCarIds;
        var half = cars.Count / 2;
        await using var connection = await database.OpenRawAsync();
        var create = _raw.CreateBooking(connection);
        var baseline = await Harness.TimeAsync(20, iterations, async i =>
        {
            var n = i + 20;
            var start = Slot(31, n / (cars.Count - half));
            if (!await create(cars[half + n % (cars.Count - half)], start, start + Duration.FromHours(1), data.Clients[0].Id, data.CostCenter, _now))
            {
                throw new InvalidOperationException("baseline slot taken");
            }
        });
        var createAnswer = _raw.CreateBookingAnswer(connection);
        var answer = await Harness.TimeAsync(20, iterations, async i =>
        {
            var n = i + 20;
            var start = Slot(38, n / (cars.Count - half)); // after the floor's days (31 on), before synchronous=NORMAL's (46 on)
            if (!await createAnswer(cars[half + n % (cars.Count - half)], start, start + Duration.FromHours(1), data.Clients[0].Id, data.CostCenter, _now))
            {
                throw new InvalidOperationException("baseline slot taken");
            }
        });
        List<Row> rows =
        [
            new("Booking create, one writer, vs the same statements by hand", "bookings/s", fleetPool.PerSecond, answer.PerSecond, "≥ 0.5",
                "baseline: vehicle, cost centre, driver, units, site; slot check, approval rules, booking, audit, notice; commit"),
            new("Booking create, one writer, vs overlap check and insert only", "bookings/s", fleetPool.PerSecond, baseline.PerSecond, "—", "the floor"),
        ];
        if (database.Provider == "Sqlite")
        {
            // What durability costs: the same raw transaction with synchronous=NORMAL, which a power cut could undo.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync();
            var normal = await Harness.TimeAsync(20, iterations, async i =>
            {
                var n = i + 20;
                var start = Slot(46, n / (cars.Count - half)); // after the runs above (day 31 on), before the HTTP load (day 61 on)
                if (!await create(cars[half + n % (cars.Count - half)], start, start + Duration.FromHours(1), data.Clients[0].Id, data.CostCenter, _now))
                {
                    throw new InvalidOperationException("baseline slot taken");
                }
            });
            rows.Add(new("Raw booking transaction, synchronous=FULL vs NORMAL", "bookings/s", baseline.PerSecond, normal.PerSecond, "stated",
                "the cost of an acknowledged booking surviving power loss"));
        }
        return rows;
    }

    /// <summary>What one HTTP load measured: bookings created per second beside authenticated pings per second.</summary>
    public sealed record HttpFigures(double BookingsPerSecond, double PingsPerSecond, string Note);

    /// <summary>
    /// 32 clients with bearer tokens, split evenly over <paramref name="urls"/> (instances on one database): first pings
    /// (the pipeline, token and revocation check, nothing else), then bookings from <paramref name="firstDay"/> on.
    /// </summary>
    public async Task<HttpFigures> HttpAsync(IReadOnlyList<string> urls, int firstDay)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler);
        var tokens = new List<string>();
        foreach (var (_, email) in data.Clients)
        {
            var login = await http.PostAsJsonAsync($"{urls[0]}/api/auth/login", new { email, password = DataGenerator.Password });
            login.EnsureSuccessStatusCode();
            tokens.Add((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        }
        var duration = TimeSpan.FromSeconds(small ? 3 : 10);
        var ceiling = await Harness.LoadAsync(32, duration, async w =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{urls[w % urls.Count]}/api/bench/ping");
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
            var start = Slot(firstDay, (int)(k / cars.Count)).InUtc().ToDateTimeOffset();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{urls[w % urls.Count]}/api/bookings")
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
        await using var connection = await database.OpenRawAsync();
        var doubles = await _raw.DoubleBookingsAsync(connection, _now);
        return new HttpFigures(created / load.TotalSeconds, ceiling.PerSecond,
            $"{created} created, {conflicts} × 409, {other} other, {doubles} double bookings; p95 {load.P95Ms:0.0} ms");
    }

    /// <summary>The fleet-share job for today, after a warm-up run: seconds, peak working-set growth and allocation (MB).</summary>
    public async Task<(double Seconds, double PeakMb, double AllocatedMb)> TimeShareJobAsync()
    {
        var job = services.GetRequiredService<FleetShareJob>();
        var today = _time.DateOf(_now);
        await job.RunForAsync(today); // warm-up: compiled model, connection
        return await Harness.OnceWithMemoryAsync(() => job.RunForAsync(today));
    }

    /// <summary>The steering report over its default 90 days, all departments, after a warm-up.</summary>
    public async Task<(double Seconds, double PeakMb, double AllocatedMb)> TimeSteeringAsync()
    {
        var fleet = Actor.Of(data.FleetManagerId, Roles.Staff, Roles.FleetManager);
        var steering = services.GetRequiredService<SteeringReports>();
        await steering.BuildAsync(fleet, null, null, null);
        return await Harness.OnceWithMemoryAsync(async () => Ensure((await steering.BuildAsync(fleet, null, null, null)).Succeeded));
    }

    /// <summary>One API answer: how long the request took (after a warm-up) and how many bytes came back.</summary>
    public sealed record Answer(string Path, double Ms, long Bytes);

    /// <summary>
    /// The largest answer each list or report gives at this size, asked once by a fleet manager who is also admin (who
    /// sees everything): reports over their longest allowed period, lists at their largest page.
    /// </summary>
    public async Task<List<Answer>> LargestAnswersAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = data.FleetManagerEmail, password = DataGenerator.Password });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var today = _time.DateOf(_now);
        string Day(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (twoYears, oneYear) = ($"from={Day(today.PlusYears(-2))}&to={Day(today)}", $"from={Day(today.PlusYears(-1))}&to={Day(today)}");
        string[] paths =
        [
            "/api/vehicles", "/api/users", "/api/places", "/api/notifications", "/api/approvals", "/api/upkeep/due", "/api/fleet/todo",
            "/api/audit?pageSize=200", "/api/bookings/mine?pageSize=200",
            $"/api/reports/steering?{oneYear}", $"/api/reports/fossil-share?{twoYears}", $"/api/reports/costs?{twoYears}", "/api/reports/follow-up",
            "/api/reports/phase-out", $"/api/exports/fossil-share.csv?{twoYears}", "/api/exports/follow-up.csv",
            $"/api/exports/bookings.csv?{twoYears}", $"/api/exports/trips.csv?{twoYears}",
        ];
        var answers = new List<Answer>();
        foreach (var path in paths)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            response.EnsureSuccessStatusCode();
            answers.Add(new Answer(path, watch.Elapsed.TotalMilliseconds, bytes));
        }
        return answers;
    }

    public async Task<List<Row>> FleetShareAsync()
    {
        var today = _time.DateOf(_now);
        var (seconds, peakMb, allocatedMb) = await TimeShareJobAsync();
        var (from, to) = (_time.StartOfDay(today.PlusYears(-1).PlusDays(1)), _time.StartOfDay(today.PlusDays(1)));
        await using var connection = await database.OpenRawAsync();
        var (baseSeconds, _, _) = await Harness.OnceWithMemoryAsync(() => _raw.FleetShareAsync(connection, from, to));
        return
        [
            new("Fleet-share job (all units, one date)", "s", seconds, baseSeconds, "≤ 2 s, ≤ 200 MB", $"peak +{peakMb:0} MB working set, {allocatedMb:0} MB allocated"),
        ];
    }

    public async Task<List<Row>> ReportsAsync()
    {
        var fleet = Actor.Of(data.FleetManagerId, Roles.Staff, Roles.FleetManager);
        var planner = services.GetRequiredService<PhaseOutPlanner>();
        var today = _time.DateOf(_now);
        var (steeringSeconds, steeringMb, _) = await TimeSteeringAsync();
        await planner.BuildAsync(fleet);
        var (planSeconds, planMb, _) = await Harness.OnceWithMemoryAsync(async () => Ensure((await planner.BuildAsync(fleet)).Succeeded));
        await using var connection = await database.OpenRawAsync();
        var (steeringBase, _, _) = await Harness.OnceWithMemoryAsync(() => _raw.SteeringAsync(connection, _time.StartOfDay(today.PlusDays(-90)), _time.StartOfDay(today.PlusDays(1))));
        var (planBase, _, _) = await Harness.OnceWithMemoryAsync(() => _raw.PlanAsync(connection, _time.StartOfDay(today.PlusYears(-1)), _now - Duration.FromDays(90)));
        return
        [
            new("Steering report (90 days, all departments)", "s", steeringSeconds, steeringBase, "—", $"peak +{steeringMb:0} MB"),
            new("Phase-out planner (12 months)", "s", planSeconds, planBase, "—", $"peak +{planMb:0} MB"),
        ];
    }

    private static void Ensure(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("report refused");
        }
    }
}
