using System.Net;
using System.Net.Http.Json;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

public class AuthTests(FleetPoolFactory app) : IClassFixture<FleetPoolFactory>
{
    [Theory]
    [InlineData("GET", "/api/vehicles")]
    [InlineData("GET", "/api/bookings/mine")]
    [InlineData("POST", "/api/bookings")]
    [InlineData("GET", "/api/availability?site=1")]
    public async Task Api_NoToken_401ProblemWithoutRedirect(string method, string url)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Login_WrongPassword_401Problem()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Staff, password = "wrong-password" });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_MissingPassword_400NamingPassword()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Staff });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task Login_ValidCredentials_BearerTokenWithExpiry()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Lead, password = TestData.Password });
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task CreateVehicle_AsStaff_403()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        var response = await client.PostAsJsonAsync("/api/vehicles", new { kind = "bike", name = "Cykel 9", siteId = app.Ids.OpenSite, departmentId = app.Ids.Department });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetBooking_OfAnotherStaff_404ButFleetManagerSeesIt()
    {
        var owner = await app.ClientForAsync(TestData.Staff);
        var created = await owner.BookAsync(ApiCalls.Booking(app.Ids.EBike, "2026-04-07T09:00:00+02:00", "2026-04-07T10:00:00+02:00"));
        var location = created.Headers.Location!;
        var other = await app.ClientForAsync(TestData.Unlicensed);
        await (await other.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"{location}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var lead = await app.ClientForAsync(TestData.Lead);
        await (await lead.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
        var fleet = await app.ClientForAsync(TestData.Fleet);
        Assert.Equal(HttpStatusCode.OK, (await fleet.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Deactivate_User_TokenRefusedAtOnceAndFutureBookingsCancelled()
    {
        var victim = await app.ClientForAsync(TestData.Leaver);
        var booked = await victim.BookAsync(ApiCalls.Booking(app.Ids.Bike, "2026-04-08T09:00:00+02:00", "2026-04-08T10:00:00+02:00"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/bookings/mine")).StatusCode);

        var staff = await app.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/users/{app.Ids.Leaver}/deactivate", null)).StatusCode);
        var admin = await app.ClientForAsync(TestData.Admin);
        var result = await admin.PostAsync($"/api/users/{app.Ids.Leaver}/deactivate", null);
        Assert.Equal(1, (await result.JsonAsync()).GetProperty("cancelledBookings").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/bookings/mine")).StatusCode);
        var relogin = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = TestData.Leaver, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, relogin.StatusCode);
    }
}
