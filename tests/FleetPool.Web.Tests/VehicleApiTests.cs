using System.Net;
using System.Net.Http.Json;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

public abstract class VehicleApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private object Car(string registration, string fuel = "hvo100") => new
    {
        kind = "car", name = "Volvo V60", registration, siteId = App.Ids.OpenSite, departmentId = App.Ids.Department,
        fuel, approvedFuels = new[] { "diesel" }, rangeKm = 900, seats = 5, acquiredOn = "2025-05-01",
    };

    [Fact]
    public async Task Create_AsFleetManager_201WithDerivedFossilIndependence()
    {
        var client = await App.ClientForAsync(TestData.Fleet);
        var response = await client.PostAsJsonAsync("/api/vehicles", Car("hvo 100"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("fossilIndependent").GetBoolean());
        Assert.Equal("HVO 100", body.GetProperty("registration").GetString());
        Assert.Equal("hvo100", body.GetProperty("fuel").GetString());

        var id = body.GetProperty("id").GetInt32();
        var update = await client.PutAsJsonAsync($"/api/vehicles/{id}", Car("HVO 100", "diesel"));
        Assert.False((await update.JsonAsync()).GetProperty("fossilIndependent").GetBoolean());
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == "Vehicle" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(["Added", "Modified"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(App.Ids.FleetManager, a.ActorId));
        Assert.Contains("Hvo100", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("Diesel", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateRegistration_409NamingRegistration()
    {
        var client = await App.ClientForAsync(TestData.Admin);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/vehicles", Car("DUP 111"))).StatusCode);
        await (await client.PostAsJsonAsync("/api/vehicles", Car("DUP 111"))).AssertProblemAsync(HttpStatusCode.Conflict, "registration");
    }

    [Theory]
    [InlineData("{\"kind\":\"truck\"}", "kind")]
    [InlineData("{\"kind\":\"car\",\"name\":\"X\",\"siteId\":1,\"departmentId\":1}", "fuel")]
    [InlineData("{\"kind\":\"car\",\"name\":\"X\",\"registration\":\"AB1\",\"siteId\":1,\"departmentId\":1,\"fuel\":\"petrol\",\"seats\":-4}", "seats")]
    [InlineData("{\"kind\":\"bike\",\"name\":\"X\",\"siteId\":99999,\"departmentId\":1}", "siteId")]
    [InlineData("{\"kind\":\"bike\",\"name\":\"X\",\"siteId\":1,\"departmentId\":1,\"acquiredOn\":\"2025-13-45\"}", "acquiredOn")]
    public async Task Create_Invalid_400NamingField(string json, string field)
    {
        var client = await App.ClientForAsync(TestData.Fleet);
        var response = await client.PostAsync("/api/vehicles", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task List_FilterByKind_OnlyThatKind()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        var bikes = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/vehicles?site={App.Ids.OpenSite}&kind=eBike");
        Assert.NotEmpty(bikes.EnumerateArray());
        Assert.All(bikes.EnumerateArray(), v => Assert.Equal("eBike", v.GetProperty("kind").GetString()));
        await (await client.GetAsync("/api/vehicles?kind=truck")).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task List_PagesOfTwo_EachVehicleOnceWithTotalAndNextLink()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        var all = await ApiCalls.IdsAsync(client, $"/api/vehicles?site={App.Ids.OpenSite}");
        Assert.True(all.Count >= 3, "the test needs three pages' worth of vehicles at the site");

        var pages = await ApiCalls.FollowPagesAsync(client, $"/api/vehicles?site={App.Ids.OpenSite}&pageSize=2");

        Assert.Equal(all, pages.SelectMany(p => p.Ids));
        Assert.All(pages, p => Assert.Equal(all.Count, p.Total));
        Assert.Equal((all.Count + 1) / 2, pages.Count);
        await (await client.GetAsync($"/api/vehicles?pageSize={Core.Fleet.VehicleService.MaxPageSize + 1}")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await client.GetAsync("/api/vehicles?page=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "page");
        await (await client.GetAsync($"/api/vehicles?page={int.MaxValue}")).AssertProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task Get_UnknownId_404Problem()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        await (await client.GetAsync("/api/vehicles/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class VehicleApiTestsOnSqlite(SqliteApp app) : VehicleApiTests<SqliteApp>(app);

public sealed class VehicleApiTestsOnPostgres(PostgresApp app) : VehicleApiTests<PostgresApp>(app);
