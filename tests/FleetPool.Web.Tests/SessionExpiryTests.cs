using System.Net;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FleetPool.Web.Tests;

/// <summary>The app with a hand-turned clock for sign-ins (ASP.NET Core's <see cref="TimeProvider"/>), so tokens and cookies can age.</summary>
public sealed class AgeingApp : SqliteApp
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }
}

/// <summary>Bearer tokens last an hour, the page cookie eight idle hours; a deactivated user is out at once on both.</summary>
public class SessionExpiryTests(AgeingApp app) : IClassFixture<AgeingApp>
{
    [Fact]
    public async Task BearerToken_OlderThanAnHour_401()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        app.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bookings/mine")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await client.GetAsync("/api/bookings/mine");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Null(expired.Headers.Location); // the API says 401, it does not redirect to a login page
    }

    [Fact]
    public async Task Cookie_UsedWithinEightHours_SlidesButEightIdleHoursSignOut()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Fleet);
        foreach (var _ in Enumerable.Range(0, 2)) // 10 hours of use: within the 12-hour absolute lifetime
        {
            app.Time.Advance(TimeSpan.FromHours(5)); // past half the lifetime: the cookie is renewed
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bookings")).StatusCode);
        }
        app.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var idle = await client.GetAsync("/bookings");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/account/login", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_ActiveAllDay_SignedOutTwelveHoursAfterSignIn()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Lead);
        foreach (var hours in new[] { 5, 5, 1 })
        {
            app.Time.Advance(TimeSpan.FromHours(hours));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bookings")).StatusCode);
        }

        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1)); // 12 h 1 min after signing in, though used an hour ago
        var late = await client.GetAsync("/bookings");

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/account/login", late.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_SignedInUser_CookieAndTokenStopAtOnce()
    {
        var pages = await BrowserLikeClient.SignedInAsync(app, TestData.Leaver);
        var api = await app.ClientForAsync(TestData.Leaver);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/bookings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/bookings/mine")).StatusCode);

        var admin = await app.ClientForAsync(TestData.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{app.Ids.Leaver}/deactivate", null)).StatusCode);

        var page = await pages.GetAsync("/bookings");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/bookings/mine")).StatusCode);
    }
}
