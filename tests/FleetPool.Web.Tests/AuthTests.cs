using System.Net;
using System.Net.Http.Json;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

public abstract class AuthTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Theory]
    [InlineData("GET", "/api/vehicles")]
    [InlineData("GET", "/api/bookings/mine")]
    [InlineData("POST", "/api/bookings")]
    [InlineData("GET", "/api/availability?site=1")]
    public async Task Api_NoToken_401ProblemWithoutRedirect(string method, string url)
    {
        var response = await App.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Login_WrongPassword_401Problem()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Staff, password = "wrong-password" });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_MissingPassword_400NamingPassword()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Staff });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task Login_ValidCredentials_BearerTokenWithExpiry()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Lead, password = TestData.Password });
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task CreateVehicle_AsStaff_403()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        var response = await client.PostAsJsonAsync("/api/vehicles", new { kind = "bike", name = "Cykel 9", siteId = App.Ids.OpenSite, departmentId = App.Ids.Department });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetBooking_OfAnotherStaff_404ButFleetManagerSeesIt()
    {
        var owner = await App.ClientForAsync(TestData.Staff);
        var created = await owner.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-04-07T09:00:00+02:00", "2026-04-07T10:00:00+02:00"));
        var location = created.Headers.Location!;
        var other = await App.ClientForAsync(TestData.Unlicensed);
        await (await other.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"{location}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var lead = await App.ClientForAsync(TestData.Lead);
        await (await lead.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
        var fleet = await App.ClientForAsync(TestData.Fleet);
        Assert.Equal(HttpStatusCode.OK, (await fleet.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Deactivate_User_TokenRefusedAtOnceAndFutureBookingsCancelled()
    {
        var victim = await App.ClientForAsync(TestData.Leaver);
        var booked = await victim.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-08T09:00:00+02:00", "2026-04-08T10:00:00+02:00"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/bookings/mine")).StatusCode);

        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/users/{App.Ids.Leaver}/deactivate", null)).StatusCode);
        var admin = await App.ClientForAsync(TestData.Admin);
        var result = await admin.PostAsync($"/api/users/{App.Ids.Leaver}/deactivate", null);
        Assert.Equal(1, (await result.JsonAsync()).GetProperty("cancelledBookings").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/bookings/mine")).StatusCode);
        var relogin = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Leaver, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, relogin.StatusCode);
    }
}

public sealed class AuthTestsOnSqlite(SqliteApp app) : AuthTests<SqliteApp>(app);

public sealed class AuthTestsOnPostgres(PostgresApp app) : AuthTests<PostgresApp>(app);
