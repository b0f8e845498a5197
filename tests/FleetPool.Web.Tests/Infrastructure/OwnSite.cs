using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>A site and cars of a test's own, in a unit of its own, so that no other test's slots or figures move.</summary>
public static class OwnSite
{
    /// <summary>A weekday site (07–18, closed on holidays) with electric cars (and one of <paramref name="extra"/> fuel last).</summary>
    public static Task<(int Site, int[] Cars)> NewSiteAsync(this FleetPoolFactory app, int electric, FuelType? extra = null, int? maxDaysAhead = null) =>
        app.QueryAsync(async db =>
        {
            var tag = Guid.NewGuid().ToString("N")[..6];
            var board = await db.OrgUnits.Where(u => u.Id == app.Ids.Department).Select(u => u.ParentId).SingleAsync();
            var unit = new OrgUnit { Name = "Egen enhet " + tag, Kind = OrgUnitKind.Department, ParentId = board };
            var site = new Site
            {
                Name = "Egen plats " + tag, Address = "Provgatan 1", Latitude = 59.24, Longitude = 17.99, MaxDaysAhead = maxDaysAhead,
                OpeningHours = Enumerable.Range(1, 5).Select(d => new OpeningHours { Day = (IsoDayOfWeek)d, Opens = new LocalTime(7, 0), Closes = new LocalTime(18, 0) }).ToList(),
            };
            db.AddRange(unit, site);
            await db.SaveChangesAsync();
            var fuels = Enumerable.Repeat(FuelType.Electric, electric).Concat(extra is { } f ? [f] : []).ToList();
            var cars = fuels.Select((f, i) => new Vehicle
            {
                Name = $"Egen bil {i + 1} {tag}", Kind = VehicleKind.Car, Fuel = f, SiteId = site.Id, DepartmentId = unit.Id, Seats = 5, RangeKm = 400,
                AcquiredOn = new LocalDate(2024, 1, 1), LastOdometerKm = 1000,
            }).ToList();
            db.Vehicles.AddRange(cars);
            await db.SaveChangesAsync();
            return (site.Id, cars.Select(c => c.Id).ToArray());
        });

    /// <summary>Books a car for someone on Wednesday 2026-03-18 between two local times ("09:00"); asserts 201 and returns the id.</summary>
    public static async Task<int> BookWednesdayAsync(this FleetPoolFactory app, string who, int car, string from, string to)
    {
        var response = await (await app.ClientForAsync(who)).BookAsync(ApiCalls.Booking(car, $"2026-03-18T{from}:00+01:00", $"2026-03-18T{to}:00+01:00"));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }
}
