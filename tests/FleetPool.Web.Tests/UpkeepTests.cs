using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Fleet.Upkeep;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>Service, inspection and tyre upkeep through the API and the daily job, on cars of each test's own (clock: Monday 2026-03-16).</summary>
public abstract class UpkeepTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private UpkeepService Upkeep => App.Services.GetRequiredService<UpkeepService>();

    private Task<List<UpkeepReminder>> RemindersAsync(int car) => App.QueryAsync(db => db.UpkeepReminders.Where(r => r.VehicleId == car).ToListAsync());

    private async Task<List<string>> FleetInboxAsync(string carName, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var inbox = await (await (await App.ClientForAsync(TestData.Fleet)).SendAsync(request)).JsonAsync();
        return inbox.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("text").GetString()!).Where(t => t.StartsWith(carName, StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Remind_InspectionDateComesThenPasses_DueOnceThenOverdueOnceInTheReadersLanguage()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var name = await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).Select(v => v.Name).SingleAsync());
        var fleet = await App.ClientForAsync(TestData.Fleet);
        // Registered 2023-03-26: first inspection by 2026-03-26, ten days after the clock's Monday.
        var saved = await fleet.PutAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep", new { firstRegisteredOn = "2023-03-26", tyres = "Winter" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("2026-03-26", (await saved.JsonAsync()).GetProperty("inspectionDeadline").GetString());
        try
        {
            await Upkeep.RemindAsync();
            await Upkeep.RemindAsync(); // a second run (another instance, a retry) raises nothing new

            var due = await RemindersAsync(cars[0]);
            Assert.Equal([(UpkeepKind.Inspection, UpkeepLevel.Due), (UpkeepKind.SummerTyres, UpkeepLevel.Due)], due.Select(r => (r.Kind, r.Level)).Order());
            Assert.Contains($"{name}: inspection due 2026-03-26.", await FleetInboxAsync(name, "en"));
            Assert.Contains($"{name}: besiktning senast 2026-03-26.", await FleetInboxAsync(name, "sv-SE"));

            App.Clock.Reset(Instant.FromUtc(2026, 3, 27, 7, 0));
            await Upkeep.RemindAsync();
            await Upkeep.RemindAsync();

            var after = await RemindersAsync(cars[0]);
            Assert.Single(after, r => r is { Kind: UpkeepKind.Inspection, Level: UpkeepLevel.Overdue });
            Assert.Equal(3, after.Count);
            Assert.Contains($"{name}: inspection overdue (due 2026-03-26).", await FleetInboxAsync(name, "en"));
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task Remind_ServiceByKmReachedAtCheckIn_RaisedFromTheOdometerOnce()
    {
        var (_, cars) = await App.NewSiteAsync(1); // odometer 1000 km
        var fleet = await App.ClientForAsync(TestData.Fleet);
        Assert.Equal(HttpStatusCode.OK, (await fleet.PutAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep", new { nextServiceKm = 2200, nextServiceOn = "2027-01-31" })).StatusCode);
        await Upkeep.RemindAsync();
        Assert.Empty(await RemindersAsync(cars[0])); // 1200 km to go (due from 1000 before), the date far off

        var booking = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "11:00");
        var staff = await App.ClientForAsync(TestData.Staff);
        App.Clock.Reset(Instant.FromUtc(2026, 3, 18, 8, 0));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{booking}/checkout", new { odometerKm = 1000, batteryPercent = 90 })).StatusCode);
            App.Clock.Reset(Instant.FromUtc(2026, 3, 18, 10, 0)); // two hours later, 200 km on
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{booking}/checkin", new { odometerKm = 1200, batteryPercent = 40 })).StatusCode);

            await Upkeep.RemindAsync();
            await Upkeep.RemindAsync();

            var reminder = Assert.Single(await RemindersAsync(cars[0]));
            Assert.Equal((UpkeepKind.Service, UpkeepLevel.Due, "2027-01-31|2200"), (reminder.Kind, reminder.Level, reminder.DueKey));
            var due = await fleet.GetFromJsonAsync<JsonElement>("/api/upkeep/due");
            Assert.Contains(due.EnumerateArray(), i => i.GetProperty("vehicleId").GetInt32() == cars[0] && i.GetProperty("item").GetProperty("dueKm").GetInt32() == 2200);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task RecordDone_Service_NextMovesOnByItsIntervalsAndItIsNoLongerDue()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var fleet = await App.ClientForAsync(TestData.Fleet);
        await fleet.PutAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep", new { nextServiceOn = "2026-03-01", serviceIntervalMonths = 12, serviceIntervalKm = 15000 });

        var done = await fleet.PostAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep/done", new { kind = "Service", on = "2026-03-16" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var view = await done.JsonAsync();
        var plan = view.GetProperty("plan");
        Assert.Equal(("2027-03-16", 16000), (plan.GetProperty("nextServiceOn").GetString(), plan.GetProperty("nextServiceKm").GetInt32()));
        Assert.Empty(view.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SaveAndDone_BadInputOrStaff_FieldNamedOr403AndNothingWritten()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var fleet = await App.ClientForAsync(TestData.Fleet);

        var future = await fleet.PutAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep", new { firstRegisteredOn = "2027-01-01", serviceIntervalKm = -5 });
        var lease = await fleet.PostAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep/done", new { kind = "Lease" });
        var staff = await (await App.ClientForAsync(TestData.Staff)).PutAsJsonAsync($"/api/vehicles/{cars[0]}/upkeep", new { tyres = "Summer" });
        var missing = await fleet.PutAsJsonAsync("/api/vehicles/999999/upkeep", new { tyres = "Summer" });

        var problem = await future.AssertProblemAsync(HttpStatusCode.BadRequest, "firstRegisteredOn");
        Assert.True(problem.GetProperty("errors").TryGetProperty("serviceIntervalKm", out _));
        await lease.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(await App.QueryAsync(db => db.VehicleUpkeep.AnyAsync(u => u.VehicleId == cars[0] || u.VehicleId == 999999)));
    }
}

public sealed class UpkeepTestsOnSqlite(SqliteApp app) : UpkeepTests<SqliteApp>(app);

public sealed class UpkeepTestsOnPostgres(PostgresApp app) : UpkeepTests<PostgresApp>(app);
