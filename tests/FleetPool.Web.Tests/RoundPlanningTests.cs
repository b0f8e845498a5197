using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Steering;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>Multi-stop rounds through the API: the order, the km saved, bad stops named, and a confidential stop kept hidden.</summary>
public abstract class RoundPlanningTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Round_StopsTypedOutOfOrder_ShorterOrderAndKmSaved()
    {
        var site = await App.QueryAsync(db => db.Sites.SingleAsync(s => s.Id == App.Ids.OpenSite));
        // Three positions due east of the site, typed far, near, middle.
        var stops = new[] { 0.06, 0.02, 0.04 }.Select(d => new { latitude = site.Latitude, longitude = site.Longitude + d }).ToArray();

        var response = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync("/api/trips/round", new { siteId = App.Ids.OpenSite, stops });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.JsonAsync();
        // Out to the farthest and back is the shortest any order can be; typed: far, back to near, out to middle, home.
        var roads = App.Services.GetRequiredService<IDistanceEstimator>();
        var (home, far) = (new GeoPoint(site.Latitude, site.Longitude), new GeoPoint(site.Latitude, site.Longitude + 0.06));
        Assert.Equal(Math.Round(2 * roads.RoadKm(home, far), 2), plan.GetProperty("km").GetDouble(), 2);
        Assert.True(plan.GetProperty("savedKm").GetDouble() > 0, plan.ToString());
        Assert.Equal(3, plan.GetProperty("order").EnumerateArray().Select(l => l.GetProperty("stop").GetInt32()).Distinct().Count());
    }

    [Fact]
    public async Task Round_BadStops_400NamingEachByIndex()
    {
        var response = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync("/api/trips/round", new
        {
            siteId = App.Ids.OpenSite,
            stops = new object[] { new { placeId = 999999 }, new { latitude = 59.2 }, new { latitude = 59.2, longitude = 17.9, from = "11:00", to = "10:00" } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "stops[0].placeId");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("stops[1].placeId", out _));
        Assert.True(errors.TryGetProperty("stops[2].to", out _));
    }

    [Fact]
    public async Task Round_ConfidentialStopForAnOutsider_PlannedFromItsCellNotItsAddress()
    {
        var (site, place) = await App.QueryAsync(async db =>
        {
            var p = new Place { Name = "Skyddad rund " + Guid.NewGuid().ToString("N")[..6], Latitude = 59.2513, Longitude = 18.0471, Confidential = true, OwnerUnitId = App.Ids.OtherDepartment };
            db.Places.Add(p);
            await db.SaveChangesAsync();
            return (await db.Sites.SingleAsync(s => s.Id == App.Ids.OpenSite), p);
        });
        var planner = App.Services.GetRequiredService<RoundPlanner>();
        var from = new GeoPoint(site.Latitude, site.Longitude);
        var cell = planner.Plan(from, [new RoundStop(ConfidentialPlaces.CellCentre(new GeoPoint(place.Latitude, place.Longitude)))]).Km;
        var exact = planner.Plan(from, [new RoundStop(new GeoPoint(place.Latitude, place.Longitude))]).Km;
        Assert.NotEqual(cell, exact); // the test place lies off its cell's centre

        var staff = await (await App.ClientForAsync(TestData.Staff)).PostAsJsonAsync("/api/trips/round", new { siteId = App.Ids.OpenSite, stops = new[] { new { placeId = place.Id } } });
        var fleet = await (await App.ClientForAsync(TestData.Fleet)).PostAsJsonAsync("/api/trips/round", new { siteId = App.Ids.OpenSite, stops = new[] { new { placeId = place.Id } } });

        Assert.Equal(cell, (await staff.JsonAsync()).GetProperty("km").GetDouble(), 2);  // Hemtjänst staff may not locate Bygglov's place
        Assert.Equal(exact, (await fleet.JsonAsync()).GetProperty("km").GetDouble(), 2); // a fleet manager may
    }
}

public sealed class RoundPlanningTestsOnSqlite(SqliteApp app) : RoundPlanningTests<SqliteApp>(app);

public sealed class RoundPlanningTestsOnPostgres(PostgresApp app) : RoundPlanningTests<PostgresApp>(app);
