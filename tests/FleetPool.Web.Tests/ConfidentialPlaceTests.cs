using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>
/// An attacker who may not see a confidential place asks for the trip distance to it from every site and trilaterates.
/// With exact answers (the owning department's) that finds the place to metres; with the answers an outsider gets it must
/// not find it better than about 1 km, and two positions 2.5 km apart in one grid cell must give identical answers.
/// </summary>
public abstract class ConfidentialPlaceTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    // Near one corner of its 2 km cell, so the cell's centre (all an outsider can learn) is over a kilometre away.
    private static readonly GeoPoint Home = new(59.2300, 17.9360), SameCellFarCorner = new(59.2465, 17.9690);

    private async Task<List<(GeoPoint Site, double Km)>> AskFromEverySiteAsync(string email, int placeId)
    {
        var client = await App.ClientForAsync(email);
        var sites = await App.QueryAsync(db => db.Sites.AsNoTracking().ToListAsync());
        var answers = new List<(GeoPoint, double)>();
        foreach (var site in sites)
        {
            var result = await client.GetFromJsonAsync<JsonElement>(
                $"/api/availability?site={site.Id}&from=2026-04-10T09:00:00%2B02:00&to=2026-04-10T10:00:00%2B02:00&placeId={placeId}");
            answers.Add((new GeoPoint(site.Latitude, site.Longitude), result.GetProperty("advice").GetProperty("distanceKm").GetDouble()));
        }
        return answers;
    }

    // The attacker's calculation: the point whose road distances (× 1.34) best fit the answers, by a grid search over the
    // area (about 100 m), then a finer one (about 10 m) around the best point.
    private static GeoPoint Trilaterate(IReadOnlyList<(GeoPoint Site, double Km)> answers)
    {
        var coarse = Best(answers, new GeoPoint(59.25, 18.00), 0.1, 0.2, 0.0009);
        return Best(answers, coarse, 0.001, 0.002, 0.00009);
    }

    private static GeoPoint Best(IReadOnlyList<(GeoPoint Site, double Km)> answers, GeoPoint centre, double latSpan, double lonSpan, double latStep)
    {
        var best = (Error: double.MaxValue, Point: centre);
        for (var lat = centre.Latitude - latSpan; lat <= centre.Latitude + latSpan; lat += latStep)
        {
            for (var lon = centre.Longitude - lonSpan; lon <= centre.Longitude + lonSpan; lon += 2 * latStep)
            {
                var p = new GeoPoint(lat, lon);
                var error = answers.Sum(a => Math.Pow(HaversineDistance.StraightKm(a.Site, p) * 1.34 - a.Km, 2));
                best = error < best.Error ? (error, p) : best;
            }
        }
        return best.Point;
    }

    [Fact]
    public async Task Audit_ConfidentialPlaceAddedMovedAndDeleted_TrailNeverHoldsItsAddressOrPosition()
    {
        var name = $"Skyddad {Guid.NewGuid():N}"[..20];
        var id = await AddPlaceAsync(name, new GeoPoint(59.2471234, 17.9812345), App.Ids.Department);
        var manager = await App.ClientForAsync(TestData.Fleet);
        (await manager.PutAsJsonAsync($"/api/places/{id}", new
        {
            name, address = "Flyttgatan 9", latitude = 59.2498765, longitude = 17.9854321, confidential = true,
            ownerUnitId = App.Ids.Department,
        })).EnsureSuccessStatusCode();

        (await manager.DeleteAsync($"/api/places/{id}")).EnsureSuccessStatusCode();

        var trail = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Place" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal(["Added", "Modified", "Deleted"], trail.OrderBy(a => a.Id).Select(a => a.Action));
        var text = string.Concat(trail.Select(a => a.Before + a.After));
        Assert.All(new[] { "Hemligvägen", "Flyttgatan", "59.247", "17.981", "59.249", "17.985" }, kept => Assert.DoesNotContain(kept, text, StringComparison.Ordinal));
    }

    private async Task<int> AddPlaceAsync(string name, GeoPoint at, int owner)
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var response = await manager.PostAsJsonAsync("/api/places", new { name, address = "Hemligvägen 1", at.Latitude, at.Longitude, confidential = true, ownerUnitId = owner });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private async Task AddSitesAroundAsync()
    {
        if (await App.QueryAsync(db => db.Sites.CountAsync()) > 2)
        {
            return;
        }
        await App.QueryAsync(db =>
        {
            db.Sites.AddRange(new[] { (59.20, 17.90), (59.30, 17.90), (59.20, 18.10), (59.30, 18.10), (59.26, 18.00) }
                .Select((p, i) => new Site { Name = $"Depå {i}", Address = $"Depåvägen {i}", Latitude = p.Item1, Longitude = p.Item2 }));
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Trilaterate_OwnDepartmentsExactAnswers_FindsPlaceWithinMetres()
    {
        await AddSitesAroundAsync();
        var place = await AddPlaceAsync("Brukare i hemtjänst", Home, App.Ids.Department);

        var found = Trilaterate(await AskFromEverySiteAsync(TestData.Staff, place));

        Assert.True(HaversineDistance.StraightKm(found, Home) < 0.05, $"the owners' exact answers should locate the place: off by {HaversineDistance.StraightKm(found, Home):0.000} km");
    }

    [Fact]
    public async Task Trilaterate_OtherDepartmentsAnswers_NoBetterThanOneKm()
    {
        await AddSitesAroundAsync();
        var place = await AddPlaceAsync("Brukare i bygglov", Home, App.Ids.OtherDepartment);

        var answers = await AskFromEverySiteAsync(TestData.Staff, place);
        var found = Trilaterate(answers);

        var error = HaversineDistance.StraightKm(found, Home);
        Measurements.Add($"Confidential place ({App.Provider}): an outsider trilaterating from {answers.Count} sites is off by {error:0.00} km");
        Assert.True(error >= 1, $"an outsider located the place to {error:0.000} km");
        await App.QueryAsync(db => db.Places.Where(p => p.Id == place).ExecuteUpdateAsync(u =>
            u.SetProperty(p => p.Latitude, SameCellFarCorner.Latitude).SetProperty(p => p.Longitude, SameCellFarCorner.Longitude)));
        Assert.True(HaversineDistance.StraightKm(Home, SameCellFarCorner) > 2.4);
        Assert.Equal(answers, await AskFromEverySiteAsync(TestData.Staff, place)); // 2.5 km apart, not one answer differs
    }
}

public sealed class ConfidentialPlaceTestsOnSqlite(SqliteApp app) : ConfidentialPlaceTests<SqliteApp>(app);

public sealed class ConfidentialPlaceTestsOnPostgres(PostgresApp app) : ConfidentialPlaceTests<PostgresApp>(app);
