using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Series;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>
/// Repeating trips through the API, each test on a site and cars of its own (weekdays 07–18, closed on holidays, in a unit of
/// its own so no other test's figures move). The fake clock stands at Monday 2026-03-16 08:00.
/// </summary>
public abstract class SeriesTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task CreateSeries_SixtyWeekdays_BooksFreeDatesListsHolidaysAndTakenWithAnotherCar()
    {
        var (_, cars) = await NewSiteAsync(2);
        var staff = await App.ClientForAsync(TestData.Staff);
        // Someone else already has the first car on Wednesday 2026-03-25.
        (await staff.BookAsync(ApiCalls.Booking(cars[0], "2026-03-25T09:00:00+01:00", "2026-03-25T10:00:00+01:00"))).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        var response = await staff.PostAsJsonAsync("/api/series", Series(cars[0], "2026-03-17T08:00:00+01:00", "2026-03-17T12:00:00+01:00",
            new { every = "weekday", count = 60 }));
        clock.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.JsonAsync();
        var booked = result.GetProperty("booked").EnumerateArray().ToList();
        var notBooked = result.GetProperty("notBooked").EnumerateArray().ToList();
        // 60 weekdays from Tuesday 17 March end on Monday 8 June; Good Friday, Easter Monday, 1 May and Ascension are holidays.
        Assert.Equal("2026-06-08", result.GetProperty("series").GetProperty("lastDate").GetString());
        Assert.Equal(["2026-03-25", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14"], notBooked.Select(n => n.GetProperty("date").GetString()));
        Assert.Equal(55, booked.Count);
        Assert.Empty(result.GetProperty("later").EnumerateArray());
        var taken = notBooked[0];
        Assert.Equal(cars[1], taken.GetProperty("instead").GetProperty("vehicleId").GetInt32());
        Assert.Contains("långfredagen", notBooked[1].GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, notBooked[1].GetProperty("instead").ValueKind);
        var seriesId = result.GetProperty("series").GetProperty("id").GetInt32();
        Assert.Equal(55, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.SeriesId == seriesId && b.Status == BookingStatus.Reserved)));
        // The export counts the occurrences: each is a row naming its series.
        var csv = await (await App.ClientForAsync(TestData.Fleet)).GetStringAsync("/api/exports/bookings.csv?from=2026-03-17&to=2026-06-08");
        var lines = ApiCalls.CsvRows(csv);
        var column = Array.IndexOf(lines[0], "serie");
        Assert.Equal(55, lines.Skip(1).Count(cells => cells[column] == seriesId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Measurements.Add($"Series ({App.Provider}): 60 weekday occurrences in one request took {clock.ElapsedMilliseconds} ms: " +
            $"{booked.Count} booked, {notBooked.Count} refused (4 holidays, 1 taken with another car offered)");
    }

    [Fact]
    public async Task CreateSeries_AcrossDaylightSaving_SameWallClockTime()
    {
        var (_, cars) = await NewSiteAsync(1);
        var response = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync("/api/series",
            Series(cars[0], "2026-03-24T08:00:00+01:00", "2026-03-24T09:30:00+01:00", new { every = "week", days = new[] { "tuesday" }, until = "2026-04-07" }));

        var booked = (await response.JsonAsync()).GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("start").GetString()).ToList();
        // Summer time starts on 29 March: 08:00 is 07:00 UTC before and 06:00 UTC after.
        Assert.Equal(["2026-03-24T08:00:00+01:00", "2026-03-31T08:00:00+02:00", "2026-04-07T08:00:00+02:00"], booked);
    }

    [Fact]
    public async Task CreateSeries_BadRepeat_400NamingTheRepeatFields()
    {
        var (_, cars) = await NewSiteAsync(1);
        var client = await App.ClientForAsync(TestData.Staff);

        var neither = await client.PostAsJsonAsync("/api/series", Series(cars[0], "2026-03-17T08:00:00+01:00", "2026-03-17T09:00:00+01:00",
            new { every = "week", days = Array.Empty<string>() }));
        var single = await client.BookAsync(new
        {
            vehicleId = cars[0], start = "2026-03-17T08:00:00+01:00", end = "2026-03-17T09:00:00+01:00", purpose = "Hembesök",
            costCenter = TestData.CostCenter, distanceKm = 25, repeat = new { every = "weekday", count = 5 },
        });

        var problem = await neither.AssertProblemAsync(HttpStatusCode.BadRequest, "repeat.days");
        Assert.True(problem.GetProperty("errors").TryGetProperty("repeat.until", out _));
        await single.AssertProblemAsync(HttpStatusCode.BadRequest, "repeat");
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == cars[0])));
    }

    [Fact]
    public async Task CreateSeries_FossilCarWhileFossilFreeFree_422AndNothingWritten()
    {
        var (_, cars) = await NewSiteAsync(1, FuelType.Petrol);
        var before = await App.QueryAsync(db => db.BookingSeries.CountAsync());

        var response = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync("/api/series",
            Series(cars[1], "2026-03-17T08:00:00+01:00", "2026-03-17T09:00:00+01:00", new { every = "weekday", count = 10 }));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fossilReason");
        Assert.Equal(before, await App.QueryAsync(db => db.BookingSeries.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == cars[1])));
    }

    [Fact]
    public async Task ExtendSeries_HorizonReachesLaterDates_JobBooksThemAndTellsOfTheTaken()
    {
        var (siteId, cars) = await NewSiteAsync(1, maxDaysAhead: 14);
        var staff = await App.ClientForAsync(TestData.Staff);
        var created = await (await staff.PostAsJsonAsync("/api/series", Series(cars[0], "2026-03-17T08:00:00+01:00", "2026-03-17T09:00:00+01:00",
            new { every = "week", days = new[] { "tuesday" }, count = 6 }))).JsonAsync();
        Assert.Equal(2, created.GetProperty("booked").GetArrayLength()); // 17 and 24 March; the horizon ends on the 30th
        Assert.Equal(["2026-03-31", "2026-04-07", "2026-04-14", "2026-04-21"], created.GetProperty("later").EnumerateArray().Select(d => d.GetString()));
        var seriesId = created.GetProperty("series").GetProperty("id").GetInt32();
        // The horizon moves (here: the site allows booking further ahead); meanwhile someone takes the car on 14 April.
        await App.QueryAsync(async db => await db.Sites.Where(s => s.Id == siteId).ExecuteUpdateAsync(u => u.SetProperty(s => s.MaxDaysAhead, 60)));
        var fleet = await App.ClientForAsync(TestData.Fleet);
        (await fleet.BookAsync(ApiCalls.Booking(cars[0], "2026-04-14T08:30:00+02:00", "2026-04-14T10:00:00+02:00"))).EnsureSuccessStatusCode();

        var booked = await App.InScopeAsync<SeriesService, int>(s => s.ExtendAsync());

        Assert.True(booked >= 3, $"booked {booked}");
        var details = await (await staff.GetAsync($"/api/series/{seriesId}")).JsonAsync();
        Assert.Equal(5, details.GetProperty("occurrences").GetArrayLength());
        Assert.Equal(["2026-04-14"], details.GetProperty("missing").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, details.GetProperty("laterCount").GetInt32());
        var notice = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.UserId == App.Ids.Staff && n.Kind == "seriesSkipped" && n.Arguments.Contains("2026-04-14")));
        Assert.StartsWith("Egen bil", notice.Arguments, StringComparison.Ordinal);
        Assert.Equal(0, await App.InScopeAsync<SeriesService, int>(s => s.ExtendAsync())); // idempotent: nothing left to try
    }

    [Fact]
    public async Task CancelSeries_ThisAndFollowing_CancelsFromTheDateKeepsEarlierAndStopsTheJob()
    {
        var (_, cars) = await NewSiteAsync(1);
        var staff = await App.ClientForAsync(TestData.Staff);
        var seriesId = await CreateAsync(staff, cars[0], new { every = "week", days = new[] { "monday", "thursday" }, count = 8 });

        var response = await staff.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { from = "2026-03-30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        // Mondays and Thursdays from 19 March: 19, 23, 26, 30 Mar, 2, (6: Easter Monday, not booked), 9, 13 Apr.
        Assert.Equal(4, body.GetProperty("changed").GetInt32());
        Assert.Equal("2026-03-29", body.GetProperty("series").GetProperty("lastDate").GetString());
        var statuses = await App.QueryAsync(db => db.Bookings.Where(b => b.SeriesId == seriesId).OrderBy(b => b.Start).Select(b => b.Status).ToListAsync());
        Assert.Equal([BookingStatus.Reserved, BookingStatus.Reserved, BookingStatus.Reserved], statuses.Take(3));
        Assert.Equal(7, statuses.Count);
        Assert.All(statuses.Skip(3), s => Assert.Equal(BookingStatus.Cancelled, s));
    }

    [Fact(Timeout = 60_000)] // a cancellation holding the write lock while offering would hang here, not fail
    public async Task CancelSeries_SomeoneWaitsForAFreedDate_Offered()
    {
        var (site, cars) = await NewSiteAsync(1);
        var seriesId = await CreateAsync(await App.ClientForAsync(TestData.Staff), cars[0], new { every = "weekday", count = 3 }); // 17–19 March 08–09
        var waiting = await (await (await App.ClientForAsync(TestData.Lead)).PostAsJsonAsync("/api/waitlist", new
        {
            siteId = site, kind = "car", start = "2026-03-19T08:00:00+01:00", end = "2026-03-19T09:00:00+01:00", purpose = "Tillsyn",
            costCenter = TestData.CostCenter, distanceKm = 25,
        })).JsonAsync();

        (await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { from = "2026-03-18" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Equal(FleetPool.Core.Bookings.Waitlist.WaitlistStatus.Offered,
            await App.QueryAsync(db => db.WaitlistEntries.Where(w => w.Id == waiting.GetProperty("id").GetInt32()).Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task ChangeSeries_FromADate_MovesFollowingTimesAndListsWhatCannotMove()
    {
        var (_, cars) = await NewSiteAsync(1);
        var staff = await App.ClientForAsync(TestData.Staff);
        var seriesId = await CreateAsync(staff, cars[0], new { every = "weekday", count = 5 }); // 17–23 March, 08:00–09:00
        // 20 March 10:00–11:00 is taken by someone else, so that occurrence cannot move to 10:00.
        (await (await App.ClientForAsync(TestData.Fleet)).BookAsync(ApiCalls.Booking(cars[0], "2026-03-20T10:00:00+01:00", "2026-03-20T11:00:00+01:00")))
            .EnsureSuccessStatusCode();

        var response = await staff.PutAsJsonAsync($"/api/series/{seriesId}", new { from = "2026-03-19", startTime = "10:00", endTime = "11:00" });

        var body = await response.JsonAsync();
        Assert.Equal(2, body.GetProperty("changed").GetInt32()); // 19 and 23 March
        Assert.Equal(["2026-03-20"], body.GetProperty("notChanged").EnumerateArray().Select(n => n.GetProperty("date").GetString()));
        var starts = await App.QueryAsync(db => db.Bookings.Where(b => b.SeriesId == seriesId).OrderBy(b => b.Start).Select(b => b.Start).ToListAsync());
        var local = starts.Select(s => s.InZone(DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).TimeOfDay.Hour).ToList();
        Assert.Equal([8, 8, 8, 10, 10], local.Order());
        Assert.Equal("10:00", body.GetProperty("series").GetProperty("startTime").GetString());
    }

    [Fact]
    public async Task GetSeries_AnotherStaffMember_404AndFleetManagerSeesIt()
    {
        var (_, cars) = await NewSiteAsync(1);
        var seriesId = await CreateAsync(await App.ClientForAsync(TestData.Staff), cars[0], new { every = "weekday", count = 3 });

        var other = await (await App.ClientForAsync(TestData.Lead)).GetAsync($"/api/series/{seriesId}");
        var cancel = await (await App.ClientForAsync(TestData.Lead)).PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { });
        var fleet = await (await App.ClientForAsync(TestData.Fleet)).GetAsync($"/api/series/{seriesId}");

        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        await cancel.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, fleet.StatusCode);
        Assert.Equal(3, (await fleet.JsonAsync()).GetProperty("occurrences").GetArrayLength());
    }

    [Fact]
    public async Task CreateSeries_RacingSingleBookingsOnItsDates_NoOverlapAndEveryDateAccountedFor()
    {
        var (_, cars) = await NewSiteAsync(1);
        var clients = await Task.WhenAll(new[] { TestData.Staff, TestData.Fleet, TestData.Admin, TestData.Lead }.Select(App.ClientForAsync));
        var singles = new[] { "2026-03-18", "2026-03-20", "2026-03-24", "2026-03-26" }
            .Select((d, i) => clients[i].BookAsync(ApiCalls.Booking(cars[0], $"{d}T08:30:00+01:00", $"{d}T09:30:00+01:00")));
        var series = clients[0].PostAsJsonAsync("/api/series", Series(cars[0], "2026-03-17T08:00:00+01:00", "2026-03-17T09:00:00+01:00",
            new { every = "weekday", count = 10 }));

        var all = await Task.WhenAll(singles.Append(series));

        var result = await all[^1].JsonAsync();
        Assert.Equal(HttpStatusCode.Created, all[^1].StatusCode);
        var singlesBooked = all[..^1].Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(all[..^1], r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        // Every date is either the series' or the single booker's, never both.
        Assert.Equal(10, result.GetProperty("booked").GetArrayLength() + result.GetProperty("notBooked").GetArrayLength());
        Assert.Equal(result.GetProperty("notBooked").GetArrayLength(), singlesBooked);
        var slots = await App.QueryAsync(db => db.Bookings.Where(b => b.VehicleId == cars[0] && b.Status == BookingStatus.Reserved)
            .Select(b => new { b.Start, b.BlockedUntil }).ToListAsync());
        Assert.Equal(10, slots.Count);
        Assert.DoesNotContain(slots, a => slots.Any(b => a != b && a.Start < b.BlockedUntil && b.Start < a.BlockedUntil));
    }

    [Fact]
    public async Task RetentionPurge_SeriesPastRetention_PurposeAndDestinationRemoved()
    {
        var (_, cars) = await NewSiteAsync(1);
        var seriesId = await CreateAsync(await App.ClientForAsync(TestData.Staff), cars[0], new { every = "weekday", count = 2 });
        await App.QueryAsync(db => db.BookingSeries.Where(s => s.Id == seriesId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDate, new LocalDate(2024, 1, 2))));

        await App.InScopeAsync<RetentionPurge, int>(p => p.RunAsync());

        var series = await App.QueryAsync(db => db.BookingSeries.AsNoTracking().SingleAsync(s => s.Id == seriesId));
        Assert.Equal(RetentionPurge.Removed, series.Purpose);
        Assert.Null(series.Destination);
        Assert.Equal(App.Clock.GetCurrentInstant(), series.PersonalDataRemovedAt);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "BookingSeries" && a.EntityId == seriesId.ToString()).ToListAsync());
        Assert.All(audit, a => Assert.DoesNotContain("Hembesök Solbacken", a.After ?? "", StringComparison.Ordinal));
    }

    private static object Series(int vehicleId, string start, string end, object repeat) => new
    {
        vehicleId, start, end, purpose = "Hembesök Solbacken", costCenter = TestData.CostCenter, distanceKm = 25, destination = "Solbacken 3", repeat,
    };

    private static async Task<int> CreateAsync(HttpClient client, int vehicleId, object repeat)
    {
        var response = await client.PostAsJsonAsync("/api/series", Series(vehicleId, "2026-03-17T08:00:00+01:00", "2026-03-17T09:00:00+01:00", repeat));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("series").GetProperty("id").GetInt32();
    }

    private Task<(int Site, int[] Cars)> NewSiteAsync(int electric, FuelType? extra = null, int? maxDaysAhead = null) =>
        App.NewSiteAsync(electric, extra, maxDaysAhead);
}

public sealed class SeriesTestsOnSqlite(SqliteApp app) : SeriesTests<SqliteApp>(app);

public sealed class SeriesTestsOnPostgres(PostgresApp app) : SeriesTests<PostgresApp>(app);
