using System.Net;
using System.Net.Http.Json;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

/// <summary>The app with the holding limits as shipped (the other test hosts let a few users hold many series and places in line).</summary>
public sealed class ShippedHoldingLimitsApp : SqliteApp
{
    protected override bool RelaxedHoldingLimits => false;
}

/// <summary>
/// A pool is shared: past the hours a week a booking waits for a fleet manager, and past the counts a new series or place
/// in line is refused, saying what to end first. Each test uses a person of its own count.
/// </summary>
public sealed class HoldingLimitsTests(ShippedHoldingLimitsApp app) : IClassFixture<ShippedHoldingLimitsApp>
{
    [Fact]
    public async Task Book_PastTwentyHoursOnOneVehicleInAWeek_PendingForAFleetManagerNamingTheLimit()
    {
        var (_, cars) = await app.NewSiteAsync(1);
        var staff = await app.ClientForAsync(TestData.Staff);
        var statuses = new List<string?>();
        foreach (var day in new[] { 13, 14, 15, 16 }) // Monday–Thursday, 6 hours each: 24 hours on one car
        {
            var made = await staff.BookAsync(ApiCalls.Booking(cars[0], $"2026-04-{day}T08:00:00+02:00", $"2026-04-{day}T14:00:00+02:00"));
            statuses.Add((await made.JsonAsync()).GetProperty("status").GetString());
        }

        Assert.Equal(["reserved", "reserved", "reserved", "pending"], statuses);
        var queue = await (await (await app.ClientForAsync(TestData.Fleet)).GetAsync("/api/approvals")).JsonAsync();
        var asked = queue.EnumerateArray().Single(a => a.GetProperty("vehicleName").GetString()!.StartsWith("Egen bil 1", StringComparison.Ordinal)
            && a.GetProperty("start").GetString() == "2026-04-16T08:00:00+02:00");
        Assert.Equal("fleetManager", asked.GetProperty("approver").GetString());
        Assert.Contains("20", asked.GetProperty("rules")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_HoursBookedForThemByAFleetManager_CountAsTheDriversOwn()
    {
        var (_, cars) = await app.NewSiteAsync(1);
        var fleet = await app.ClientForAsync(TestData.Fleet);
        foreach (var day in new[] { 20, 21, 22 }) // Monday–Wednesday, 6 hours each, Staff named as the driver
        {
            var named = await fleet.BookAsync(ApiCalls.Booking(cars[0], $"2026-04-{day}T08:00:00+02:00", $"2026-04-{day}T14:00:00+02:00", driverId: app.Ids.Staff));
            Assert.Equal("reserved", (await named.JsonAsync()).GetProperty("status").GetString());
        }

        var own = await (await app.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(cars[0], "2026-04-23T08:00:00+02:00", "2026-04-23T14:00:00+02:00"));

        Assert.Equal("pending", (await own.JsonAsync()).GetProperty("status").GetString()); // 24 hours on one car as its driver
    }

    [Fact]
    public async Task CreateSeries_SecondOnOneVehicleThenFourthInAll_422NamingWhatToEnd()
    {
        var (_, cars) = await app.NewSiteAsync(4);
        var lead = await app.ClientForAsync(TestData.Lead);
        object Series(int car) => new
        {
            vehicleId = car, start = "2026-03-17T08:00:00+01:00", end = "2026-03-17T09:00:00+01:00", purpose = "Hemtjänst", costCenter = TestData.CostCenter,
            distanceKm = 25, repeat = new { every = "weekday", count = 4 },
        };

        var first = await lead.PostAsJsonAsync("/api/series", Series(cars[0]));
        var again = await lead.PostAsJsonAsync("/api/series", Series(cars[0]));
        var second = await lead.PostAsJsonAsync("/api/series", Series(cars[1]));
        var third = await lead.PostAsJsonAsync("/api/series", Series(cars[2]));
        var fourth = await lead.PostAsJsonAsync("/api/series", Series(cars[3]));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        var onVehicle = await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "vehicleId");
        Assert.Contains("Egen bil 1", onVehicle.GetProperty("errors").GetProperty("vehicleId")[0].GetString(), StringComparison.Ordinal);
        await fourth.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "repeat");
    }

    [Fact]
    public async Task JoinWaitlist_FourthPlaceInLine_422SayingLeaveOne()
    {
        var fleet = await app.ClientForAsync(TestData.Fleet);
        var admin = await app.ClientForAsync(TestData.Admin);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            var (site, cars) = await app.NewSiteAsync(1);
            (await fleet.BookAsync(ApiCalls.Booking(cars[0], "2026-03-18T09:00:00+01:00", "2026-03-18T11:00:00+01:00"))).EnsureSuccessStatusCode();
            answers.Add(await admin.PostAsJsonAsync("/api/waitlist", new
            {
                siteId = site, kind = "car", start = "2026-03-18T09:00:00+01:00", end = "2026-03-18T11:00:00+01:00", purpose = "Tillsyn",
                costCenter = TestData.CostCenter, distanceKm = 25,
            }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var refused = await answers[3].AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "kind");
        Assert.Contains("3", refused.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }
}
