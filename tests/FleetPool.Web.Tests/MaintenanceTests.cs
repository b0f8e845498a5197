using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Waitlist;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>Planned workshop windows through the API, on a site and cars of each test's own; Wednesday 2026-03-18.</summary>
public abstract class MaintenanceTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private const string From = "2026-03-18T08:00:00+01:00", To = "2026-03-18T17:00:00+01:00";

    [Fact]
    public async Task Plan_TwoBookingsInside_ListedThenOneMovedOneCancelledBothToldAndTheWindowHoldsTheSlot()
    {
        var (_, cars) = await App.NewSiteAsync(2);
        var mine = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");
        var theirs = await App.BookWednesdayAsync(TestData.Lead, cars[0], "13:00", "15:00");
        await App.BookWednesdayAsync(TestData.Admin, cars[1], "13:00", "15:00"); // the other car is taken then: the lead's booking cannot move
        var fleet = await App.ClientForAsync(TestData.Fleet);

        var preview = await (await fleet.PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance/preview", new { from = From, to = To })).JsonAsync();

        var listed = preview.EnumerateArray().ToDictionary(a => a.GetProperty("bookingId").GetInt32());
        Assert.Equal([mine, theirs], listed.Keys.Order());
        Assert.Equal(cars[1], listed[mine].GetProperty("moveToVehicleId").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed[theirs].GetProperty("moveToVehicleId").ValueKind);

        var planned = await fleet.PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance", new
        {
            from = From, to = To, reason = "Service och däckbyte",
            decisions = new[] { new { bookingId = mine, move = true }, new { bookingId = theirs, move = false } },
        });

        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var result = await planned.JsonAsync();
        Assert.Equal((1, 1), (result.GetProperty("moved").GetInt32(), result.GetProperty("cancelled").GetInt32()));
        var bookings = await App.QueryAsync(db => db.Bookings.Where(b => b.Id == mine || b.Id == theirs).ToDictionaryAsync(b => b.Id));
        Assert.Equal((cars[1], BookingStatus.Reserved), (bookings[mine].VehicleId, bookings[mine].Status));
        Assert.Equal(BookingStatus.Cancelled, bookings[theirs].Status);
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.BookingId == mine || n.BookingId == theirs).Select(n => new { n.UserId, n.Kind, n.Arguments }).ToListAsync());
        Assert.Contains(told, n => n.UserId == App.Ids.Staff && n.Kind == "bookingMoved" && n.Arguments.EndsWith("Service och däckbyte", StringComparison.Ordinal));
        Assert.Contains(told, n => n.UserId == App.Ids.Lead && n.Kind == "bookingCancelledByFleet");
        var during = await (await App.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-18T16:00:00+01:00", "2026-03-18T18:00:00+01:00"));
        await during.AssertProblemAsync(HttpStatusCode.Conflict); // the window keeps trips out
        var after = await (await App.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-18T17:00:00+01:00", "2026-03-18T18:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode); // and ends when it says
    }

    [Fact]
    public async Task Preview_SevenSeaterLeaving_MovesOnlyToACarThatFitsTheTripItsPassengersElseItsSeats()
    {
        var (_, cars) = await App.NewSiteAsync(3); // 5 seats and 400 km each; the first becomes a seven-seater, the last a city car
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).ExecuteUpdateAsync(u => u.SetProperty(v => v.Seats, 7)));
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[2]).ExecuteUpdateAsync(u => u.SetProperty(v => v.Name, "A stadsbil").SetProperty(v => v.RangeKm, 100)));
        var staff = await App.ClientForAsync(TestData.Staff);
        async Task<int> BookAsync(string from, string to, int? passengers)
        {
            var response = await staff.BookAsync(new
            {
                vehicleId = cars[0], start = $"2026-03-18T{from}:00+01:00", end = $"2026-03-18T{to}:00+01:00", purpose = "Studieresa",
                costCenter = TestData.CostCenter, distanceKm = 80, passengers,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("id").GetInt32();
        }
        var three = await BookAsync("09:00", "11:00", 3);
        var unsaid = await BookAsync("13:00", "15:00", null);
        var fleet = await App.ClientForAsync(TestData.Fleet);

        var preview = await (await fleet.PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance/preview", new { from = From, to = To })).JsonAsync();

        var moveTo = preview.EnumerateArray().ToDictionary(a => a.GetProperty("bookingId").GetInt32(), a => a.GetProperty("moveToVehicleId"));
        Assert.Equal(cars[1], moveTo[three].GetInt32()); // not the city car first by name: 100 km does not cover 2 × 80
        Assert.Equal(System.Text.Json.JsonValueKind.Null, moveTo[unsaid].ValueKind); // passengers unknown: only a car with 7 seats would do
    }

    [Fact]
    public async Task ToWorkshop_StatusSwitchedWithNoEnd_ComingBookingsMovedOrCancelledAndBookersTold()
    {
        var (_, cars) = await App.NewSiteAsync(2);
        var movable = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");
        var stuck = await App.BookWednesdayAsync(TestData.Lead, cars[0], "13:00", "15:00");
        await App.BookWednesdayAsync(TestData.Admin, cars[1], "13:00", "15:00");
        var v = await App.QueryAsync(db => db.Vehicles.SingleAsync(x => x.Id == cars[0]));
        var input = new FleetPool.Core.Fleet.VehicleInput(v.Kind, v.Name, $"WS {cars[0]}", v.SiteId, v.DepartmentId, v.Fuel, v.ApprovedFuels.ToList(), v.RangeKm, v.Seats,
            FleetPool.Core.Fleet.VehicleStatus.Maintenance, v.AcquiredOn, null, v.PlannedRetirementOn, v.ReplacementFuel);

        var saved = await App.Services.GetRequiredService<FleetPool.Core.Fleet.VehicleService>()
            .UpdateAsync(FleetPool.Core.Common.Actor.Of(App.Ids.FleetManager, "Staff", "FleetManager"), cars[0], input);

        Assert.True(saved.Succeeded, saved.Problem?.Summary);
        var bookings = await App.QueryAsync(db => db.Bookings.Where(b => b.Id == movable || b.Id == stuck).ToDictionaryAsync(b => b.Id));
        Assert.Equal((cars[1], BookingStatus.Reserved), (bookings[movable].VehicleId, bookings[movable].Status));
        Assert.Equal(BookingStatus.Cancelled, bookings[stuck].Status);
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.BookingId == movable || n.BookingId == stuck).Select(n => new { n.UserId, n.Kind }).ToListAsync());
        Assert.Contains(told, n => n.UserId == App.Ids.Staff && n.Kind == "bookingMoved");
        Assert.Contains(told, n => n.UserId == App.Ids.Lead && n.Kind == "bookingCancelledByFleet");
    }

    [Fact]
    public async Task Plan_BookingWithoutADecision_409AndNothingChanged()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var booked = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");

        var planned = await (await App.ClientForAsync(TestData.Fleet)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance",
            new { from = From, to = To, reason = "Besiktning" });

        await planned.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(BookingStatus.Reserved, await App.QueryAsync(db => db.Bookings.Where(b => b.Id == booked).Select(b => b.Status).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.Bookings.AnyAsync(b => b.VehicleId == cars[0] && b.Status == BookingStatus.Maintenance)));
    }

    [Fact]
    public async Task Plan_ByStaffOrWithoutReason_403And400()
    {
        var (_, cars) = await App.NewSiteAsync(1);

        var staff = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance", new { from = From, to = To, reason = "x" });
        var bare = await (await App.ClientForAsync(TestData.Fleet)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance", new { from = To, to = From });

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        var problem = await bare.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task End_WindowDroppedBeforeItBegins_VehicleOfferedToTheWaitlist()
    {
        var (site, cars) = await App.NewSiteAsync(1);
        var fleet = await App.ClientForAsync(TestData.Fleet);
        var window = await (await fleet.PostAsJsonAsync($"/api/vehicles/{cars[0]}/maintenance", new { from = From, to = To, reason = "Service" })).JsonAsync();
        var waiting = await (await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync("/api/waitlist", new
        {
            siteId = site, kind = "car", start = "2026-03-18T10:00:00+01:00", end = "2026-03-18T12:00:00+01:00", purpose = "Tillsyn",
            costCenter = TestData.CostCenter, distanceKm = 25,
        })).JsonAsync();

        var ended = await fleet.PostAsync($"/api/vehicles/{cars[0]}/maintenance/{window.GetProperty("window").GetProperty("id").GetInt32()}/end", null);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(WaitlistStatus.Offered, await App.QueryAsync(db => db.WaitlistEntries.Where(w => w.Id == waiting.GetProperty("id").GetInt32()).Select(w => w.Status).SingleAsync()));
    }

}

public sealed class MaintenanceTestsOnSqlite(SqliteApp app) : MaintenanceTests<SqliteApp>(app);

public sealed class MaintenanceTestsOnPostgres(PostgresApp app) : MaintenanceTests<PostgresApp>(app);

/// <summary>Damage reports with a severity and "may it still be used?", through the API.</summary>
public abstract class DamageTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Report_FleetManagerSaysNotUsable_OutOfUseBookingsMovedOrCancelledAndFleetToldAtOnce()
    {
        var (_, cars) = await App.NewSiteAsync(2);
        var movable = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");
        var stuck = await App.BookWednesdayAsync(TestData.Lead, cars[0], "13:00", "15:00");
        await App.BookWednesdayAsync(TestData.Admin, cars[1], "13:00", "15:00");

        var reported = await (await App.ClientForAsync(TestData.Fleet)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage",
            new { description = "Sprucken vindruta, sikten skymd", severity = "critical", usable = false });

        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        Assert.Equal(FleetPool.Core.Fleet.VehicleStatus.Maintenance, await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).Select(v => v.Status).SingleAsync()));
        var bookings = await App.QueryAsync(db => db.Bookings.Where(b => b.Id == movable || b.Id == stuck).ToDictionaryAsync(b => b.Id));
        Assert.Equal(cars[1], bookings[movable].VehicleId);
        Assert.Equal(BookingStatus.Cancelled, bookings[stuck].Status);
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.Admin && n.Kind == "damageUnusable")));
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.Lead && n.BookingId == stuck && n.Kind == "bookingCancelledByFleet")));
        var report = await App.QueryAsync(db => db.DamageReports.OrderByDescending(d => d.Id).FirstAsync(d => d.VehicleId == cars[0]));
        Assert.Equal((FleetPool.Core.Bookings.DamageSeverity.Critical, false), (report.Severity, report.VehicleUsable));
    }

    [Fact]
    public async Task Report_StaffSaysNotUsable_NoOnesBookingChangedUntilAFleetManagerConfirms()
    {
        var (_, cars) = await App.NewSiteAsync(2);
        var others = await App.BookWednesdayAsync(TestData.Lead, cars[0], "13:00", "15:00");

        var reported = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage",
            new { description = "Bromsarna tar dåligt", severity = "critical", usable = false });

        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        Assert.Equal(FleetPool.Core.Fleet.VehicleStatus.Active, await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).Select(v => v.Status).SingleAsync()));
        var booking = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == others));
        Assert.Equal((cars[0], BookingStatus.Reserved), (booking.VehicleId, booking.Status));
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.FleetManager && n.Kind == "damageUnusableToConfirm")));
    }

    [Fact]
    public async Task Report_MinorAndUsable_VehicleStaysInUseFleetStillTold()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var booked = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");

        var reported = await (await App.ClientForAsync(TestData.Lead)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage", new { description = "Repa på bakdörren" });
        var empty = await (await App.ClientForAsync(TestData.Lead)).PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage", new { description = " " });

        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "description");
        Assert.Equal(FleetPool.Core.Fleet.VehicleStatus.Active, await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).Select(v => v.Status).SingleAsync()));
        Assert.Equal(BookingStatus.Reserved, await App.QueryAsync(db => db.Bookings.Where(b => b.Id == booked).Select(b => b.Status).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.FleetManager && n.Kind == "damageReported" && n.Arguments.Contains("Egen bil"))));
    }

    private static ByteArrayContent Photo(string type = "image/png", int width = 64, int height = 48)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(SkiaSharp.SKColors.OrangeRed);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        var content = new ByteArrayContent(image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    [Fact]
    public async Task Photos_ReporterAddsThem_StoredAsJpegSeenByReporterAndFleetOnlyAndLimited()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var staff = await App.ClientForAsync(TestData.Staff);
        var report = (await (await staff.PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage", new { description = "Buckla i stötfångaren" })).JsonAsync()).GetProperty("id").GetInt32();

        var added = await staff.PostAsync($"/api/damage/{report}/photos", Photo());

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var photo = (await added.JsonAsync()).GetProperty("id").GetInt32();
        var mine = await staff.GetAsync($"/api/damage/{report}/photos/{photo}");
        Assert.Equal("image/jpeg", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await mine.Content.ReadAsByteArrayAsync()).Take(2)); // re-encoded from the PNG
        Assert.Equal(HttpStatusCode.OK, (await (await App.ClientForAsync(TestData.Fleet)).GetAsync($"/api/damage/{report}/photos/{photo}")).StatusCode);
        var colleague = await App.ClientForAsync(TestData.Lead);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/damage/{report}/photos/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PostAsync($"/api/damage/{report}/photos", Photo())).StatusCode);
        var details = (await App.Services.GetRequiredService<FleetPool.Core.Fleet.VehicleDetails>()
            .GetAsync(FleetPool.Core.Common.Actor.Of(App.Ids.Staff, "Staff"), cars[0])).Value!;
        Assert.Equal([photo], details.Damage.Single(d => d.Id == report).PhotoIds!);

        var text = new StringContent("not a photo", System.Text.Encoding.UTF8, "text/plain");
        await (await staff.PostAsync($"/api/damage/{report}/photos", text)).AssertProblemAsync(HttpStatusCode.BadRequest, "photo");
        var huge = new ByteArrayContent(new byte[FleetPool.Core.Fleet.DamagePhotos.MaxUploadBytes + 1]);
        huge.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        await (await staff.PostAsync($"/api/damage/{report}/photos", huge)).AssertProblemAsync(HttpStatusCode.BadRequest, "photo");
        for (var i = 1; i < FleetPool.Core.Fleet.DamagePhotos.MaxPerReport; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await staff.PostAsync($"/api/damage/{report}/photos", Photo())).StatusCode);
        }
        await (await staff.PostAsync($"/api/damage/{report}/photos", Photo())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "photo");
        // Kestrel takes at most 1 MB elsewhere; the photo endpoint lets a phone's photo through (the test server has no such limit).
        var upload = App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/api/damage/{id:int}/photos" && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains("POST"));
        Assert.True(upload.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize > FleetPool.Core.Fleet.DamagePhotos.MaxUploadBytes);
        Assert.Equal(FleetPool.Core.Fleet.DamagePhotos.MaxPerReport, await App.QueryAsync(db => db.DamagePhotos.CountAsync(p => p.DamageReportId == report)));
    }

    [Fact]
    public async Task Photos_PngBombToAnUnknownReport404UnreadToItsOwnReport400Refused()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var staff = await App.ClientForAsync(TestData.Staff);
        var bomb = BombPng(7070); // 7,070 × 7,070 px (200 MB decoded) in a few hundred KB
        var report = (await (await staff.PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage", new { description = "Repa på dörren" })).JsonAsync()).GetProperty("id").GetInt32();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var unknown = await staff.PostAsync("/api/damage/999999/photos", Png(bomb));
        var toUnknown = clock.ElapsedMilliseconds;
        var stranger = await (await App.ClientForAsync(TestData.Lead)).PostAsync($"/api/damage/{report}/photos", Png(bomb));
        clock.Restart();
        var own = await staff.PostAsync($"/api/damage/{report}/photos", Png(bomb));
        var toOwn = clock.ElapsedMilliseconds;

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        await own.AssertProblemAsync(HttpStatusCode.BadRequest, "photo");
        Assert.Equal(0, await App.QueryAsync(db => db.DamagePhotos.CountAsync(p => p.DamageReportId == report)));
        Measurements.Add($"Photo bomb, a {bomb.Length / 1024} KB PNG of 7,070 × 7,070 px: unknown report 404 in {toUnknown} ms, own report 400 (refused from its header) in {toOwn} ms");
    }

    private static ByteArrayContent Png(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return content;
    }

    // A valid PNG of side × side black RGB pixels: rows of zeros compress to almost nothing.
    private static byte[] BombPng(int side)
    {
        using var idat = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[side * 3 + 1];
            for (var y = 0; y < side; y++)
            {
                z.Write(row);
            }
        }
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        (header[8], header[9]) = (8, 2); // 8 bits, RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", idat.ToArray()), ("IEND", Array.Empty<byte>()) })
        {
            var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            png.Write(length);
            png.Write(typed);
            png.Write(crc);
        }
        return png.ToArray();
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    [Fact]
    public async Task InjuryReport_AccidentAtCheckIn_DriverTripAndVehicleForTheNationalFormFleetAndReporterOnly()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var booking = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");
        var staff = await App.ClientForAsync(TestData.Staff);
        App.Clock.Reset(NodaTime.Instant.FromUtc(2026, 3, 18, 8, 0));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{booking}/checkout", new { odometerKm = 1000, batteryPercent = 90 })).StatusCode);
            App.Clock.Reset(NodaTime.Instant.FromUtc(2026, 3, 18, 9, 30));
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{booking}/checkin", new
            {
                odometerKm = 1040, batteryPercent = 60,
                damage = new { description = "Halkade vid bilen på is, stukade handleden", injuryAccident = true, severity = "minor" },
            })).StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
        var report = await App.QueryAsync(db => db.DamageReports.Where(d => d.BookingId == booking).Select(d => d.Id).SingleAsync());
        var fleet = await App.ClientForAsync(TestData.Fleet);

        var basis = await (await fleet.GetAsync($"/api/damage/{report}/injury-report")).JsonAsync();
        var csv = ApiCalls.CsvRows(await fleet.GetStringAsync($"/api/exports/injury-report/{report}.csv"));

        var staffName = await App.QueryAsync(db => db.Users.Where(u => u.Id == App.Ids.Staff).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal((staffName, true, "Halkade vid bilen på is, stukade handleden"),
            (basis.GetProperty("injured").GetString(), basis.GetProperty("onBusinessTrip").GetBoolean(), basis.GetProperty("whatHappened").GetString()));
        Assert.Equal("2026-03-18T09:00:00+01:00", basis.GetProperty("tripStart").GetString());
        Assert.Contains(csv, r => r[0] == "Den skadades namn" && r[1] == staffName);
        Assert.Contains(csv, r => r[0] == "Personnummer" && r[1] == "" && r[2].StartsWith("fylls i", StringComparison.Ordinal));
        Assert.Contains(csv, r => r[0] == "Datum och tid för resan" && r[1] == "2026-03-18 09:00 – 2026-03-18 10:30");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/damage/{report}/injury-report")).StatusCode); // the reporter
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.ClientForAsync(TestData.Lead)).GetAsync($"/api/damage/{report}/injury-report")).StatusCode);
        var scratch = (await (await staff.PostAsJsonAsync($"/api/vehicles/{cars[0]}/damage", new { description = "Repa" })).JsonAsync()).GetProperty("id").GetInt32();
        await (await fleet.GetAsync($"/api/damage/{scratch}/injury-report")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "reportId");
    }
}

public sealed class DamageTestsOnSqlite(SqliteApp app) : DamageTests<SqliteApp>(app);

public sealed class DamageTestsOnPostgres(PostgresApp app) : DamageTests<PostgresApp>(app);
