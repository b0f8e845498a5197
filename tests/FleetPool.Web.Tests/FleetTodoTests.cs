using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>The fleet manager's to-do list over cars of the test's own (clock: Monday 2026-03-16 08:00).</summary>
public abstract class FleetTodoTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private static JsonElement.ArrayEnumerator List(JsonElement todo, string name) => todo.GetProperty(name).EnumerateArray();

    [Fact]
    public async Task Todo_EachKindOfWork_ListedWithWhatItConcernsAndStaffRefused()
    {
        var (site, cars) = await App.NewSiteAsync(3);
        var staff = await App.ClientForAsync(TestData.Staff);
        var fleet = await App.ClientForAsync(TestData.Fleet);
        var trip = await staff.BookAsync(ApiCalls.Booking(cars[0], "2026-03-16T08:30:00+01:00", "2026-03-16T09:00:00+01:00"));
        var tripId = (await trip.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/vehicles/{cars[1]}/damage", new { description = "Spricka i vindrutan", severity = "Major" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fleet.PutAsJsonAsync($"/api/vehicles/{cars[2]}/upkeep", new { insuranceEndsOn = "2026-03-31" })).StatusCode);
        var unverified = await App.QueryAsync(async db =>
        {
            var user = new AppUser { UserName = $"ny{Guid.NewGuid():N}", DisplayName = "Ny Förare", LicenceClasses = "B", LicenceExpiresOn = new LocalDate(2030, 1, 1) };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return user.Id;
        });
        try
        {
            App.Clock.Reset(Instant.FromUtc(2026, 3, 16, 7, 30));
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{tripId}/checkout", new { odometerKm = 1000, batteryPercent = 90 })).StatusCode);
            App.Clock.Reset(Instant.FromUtc(2026, 3, 16, 8, 20)); // 09:20 local: twenty minutes late, past the 15-minute grace

            var todo = await fleet.GetFromJsonAsync<JsonElement>("/api/fleet/todo");

            Assert.Contains(List(todo, "overdueReturns"), o => o.GetProperty("bookingId").GetInt32() == tripId);
            Assert.Contains(List(todo, "damage"), d => d.GetProperty("vehicleId").GetInt32() == cars[1] && d.GetProperty("severity").GetString() == "major");
            Assert.Contains(List(todo, "upkeep"), u => u.GetProperty("vehicleId").GetInt32() == cars[2] && u.GetProperty("item").GetProperty("kind").GetString() == "insurance");
            Assert.Contains(List(todo, "licences"), l => l.GetProperty("userId").GetInt32() == unverified);
            var unused = List(todo, "unused").Select(u => u.GetProperty("vehicleId").GetInt32()).ToList();
            Assert.Contains(cars[2], unused);
            Assert.DoesNotContain(cars[0], unused); // out on a trip now
            var day = Assert.Single(List(todo, "today"), s => s.GetProperty("siteId").GetInt32() == site);
            var pickUp = Assert.Single(day.GetProperty("pickUps").EnumerateArray());
            var back = Assert.Single(day.GetProperty("returns").EnumerateArray());
            Assert.Equal((tripId, true), (pickUp.GetProperty("bookingId").GetInt32(), pickUp.GetProperty("done").GetBoolean()));
            Assert.Equal((tripId, false), (back.GetProperty("bookingId").GetInt32(), back.GetProperty("done").GetBoolean()));
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/fleet/todo")).StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }
}

public sealed class FleetTodoTestsOnSqlite(SqliteApp app) : FleetTodoTests<SqliteApp>(app);

public sealed class FleetTodoTestsOnPostgres(PostgresApp app) : FleetTodoTests<PostgresApp>(app);
