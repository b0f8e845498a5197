using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Steering;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>A booked multi-stop round: its stops in the best order, and its whole km in the distance, steering and CO2e.</summary>
public abstract class BookingStopsTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Book_RoundTypedOutOfOrder_StopsStoredInBestOrderAndDistanceIsTheRound()
    {
        var (siteId, cars) = await App.NewSiteAsync(1);
        var site = await App.QueryAsync(db => db.Sites.SingleAsync(s => s.Id == siteId));
        // Three places due east of the site, typed far, near, middle; the middle one is a protected address.
        var places = await App.QueryAsync(async db =>
        {
            var tag = Guid.NewGuid().ToString("N")[..6];
            var list = new[] { 0.06, 0.02, 0.04 }.Select((d, i) => new Place
            {
                Name = $"Rundstopp {i} {tag}", Latitude = site.Latitude, Longitude = site.Longitude + d, Confidential = i == 2, OwnerUnitId = App.Ids.Department,
            }).ToList();
            db.Places.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });

        var response = await (await App.ClientForAsync(TestData.Staff)).BookAsync(new
        {
            vehicleId = cars[0], start = "2026-03-18T09:00:00+01:00", end = "2026-03-18T12:00:00+01:00", purpose = "Hembesöksrunda",
            costCenter = TestData.CostCenter, stops = places.Select(p => p.Id).ToArray(),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.JsonAsync();
        var roads = App.Services.GetRequiredService<IDistanceEstimator>();
        var roundKm = 2 * roads.RoadKm(new GeoPoint(site.Latitude, site.Longitude), new GeoPoint(site.Latitude, site.Longitude + 0.06));
        Assert.Equal(roundKm / 2, booking.GetProperty("distanceKm").GetDouble(), 1); // the one-way equivalent of the whole round
        var id = booking.GetProperty("id").GetInt32();
        var stops = await App.QueryAsync(db => db.BookingStops.Where(s => s.BookingId == id).OrderBy(s => s.Seq).ToListAsync());
        Assert.Equal(3, stops.Count);
        var near = places[1].Id;
        var far = places[0].Id;
        // Out past the near stop to the far one (or the other way round): the protected one in the middle, without its id.
        Assert.True(stops[0].PlaceId == near && stops[2].PlaceId == far || stops[0].PlaceId == far && stops[2].PlaceId == near, string.Join(",", stops.Select(s => s.PlaceId)));
        Assert.True(stops[1] is { Confidential: true, PlaceId: null });
        var csv = await (await App.ClientForAsync(TestData.Fleet)).GetStringAsync("/api/exports/bookings.csv?from=2026-03-18&to=2026-03-18");
        var lines = ApiCalls.CsvRows(csv);
        Assert.Equal("3", lines.Single(cells => cells[0] == id.ToString(System.Globalization.CultureInfo.InvariantCulture))[Array.IndexOf(lines[0], "stopp")]);
        var perKm = FleetPool.Core.Fleet.FuelCatalog.For(FleetPool.Core.Fleet.VehicleKind.Car, FleetPool.Core.Fleet.FuelType.Electric).GramsCo2ePerKm;
        Assert.Equal(roundKm * perKm, booking.GetProperty("estimatedCo2eGrams").GetDouble(), 0); // the whole round's km × g/km, not one leg's
    }

    [Fact]
    public async Task Book_StopsWithADistanceOrAnUnknownPlace_400NamingTheStop()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var client = await App.ClientForAsync(TestData.Staff);

        var both = await client.BookAsync(new
        {
            vehicleId = cars[0], start = "2026-03-18T09:00:00+01:00", end = "2026-03-18T10:00:00+01:00", purpose = "Runda", costCenter = TestData.CostCenter,
            distanceKm = 5, stops = new[] { 1 },
        });
        var unknown = await client.BookAsync(new
        {
            vehicleId = cars[0], start = "2026-03-18T09:00:00+01:00", end = "2026-03-18T10:00:00+01:00", purpose = "Runda", costCenter = TestData.CostCenter,
            stops = new[] { 999999 },
        });

        await both.AssertProblemAsync(HttpStatusCode.BadRequest, "stops");
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "stops[0].placeId");
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == cars[0])));
    }
}

public sealed class BookingStopsTestsOnSqlite(SqliteApp app) : BookingStopsTests<SqliteApp>(app);

public sealed class BookingStopsTestsOnPostgres(PostgresApp app) : BookingStopsTests<PostgresApp>(app);
