using System.Net;
using System.Net.Http.Json;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>Everyone told what someone else did to their booking, and nobody told of what they did themselves.</summary>
public abstract class NoticesTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Cancel_ByAFleetManager_BookerToldWhoDidIt()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var id = await App.BookWednesdayAsync(TestData.Staff, cars[0], "09:00", "10:00");

        (await (await App.ClientForAsync(TestData.Fleet)).PostAsync($"/api/bookings/{id}/cancel", null)).EnsureSuccessStatusCode();

        var notice = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.BookingId == id && n.Kind == "bookingCancelledByOther"));
        Assert.Equal(App.Ids.Staff, notice.UserId);
        Assert.EndsWith(TestData.Fleet, notice.Arguments, StringComparison.Ordinal); // the fleet manager's display name
    }

    [Fact]
    public async Task ChangeAndCancel_ByTheBookerThemselves_NobodyTold()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var id = await App.BookWednesdayAsync(TestData.Staff, cars[0], "11:00", "12:00");
        var staff = await App.ClientForAsync(TestData.Staff);

        (await staff.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-18T12:30:00+01:00" })).EnsureSuccessStatusCode();
        (await staff.PostAsync($"/api/bookings/{id}/cancel", null)).EnsureSuccessStatusCode();

        var kinds = await App.QueryAsync(db => db.Notifications.Where(n => n.BookingId == id).Select(n => n.Kind).ToListAsync());
        Assert.Equal(["bookingConfirmed"], kinds); // their own confirmation when they booked; nothing about what they did since
    }

    [Fact]
    public async Task Change_ByAFleetManagerTwice_OneNoticeWithTheLatestNews()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var id = await App.BookWednesdayAsync(TestData.Staff, cars[0], "13:00", "14:00");
        var fleet = await App.ClientForAsync(TestData.Fleet);

        Assert.Equal(HttpStatusCode.OK, (await fleet.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-18T14:30:00+01:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fleet.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-18T15:00:00+01:00" })).StatusCode);

        var notices = await App.QueryAsync(db => db.Notifications.Where(n => n.BookingId == id && n.Kind == "bookingChangedByOther").ToListAsync());
        Assert.Equal(App.Ids.Staff, Assert.Single(notices).UserId);
    }

}

public sealed class NoticesTestsOnSqlite(SqliteApp app) : NoticesTests<SqliteApp>(app);

public sealed class NoticesTestsOnPostgres(PostgresApp app) : NoticesTests<PostgresApp>(app);
