using Bunit;
using FleetPool.Core.Bookings;
using FleetPool.Web.Components.Pages.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

public class MyBookingsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Past_TwelveTrips_TenShownThenShowMoreShowsAll()
    {
        await app.QueryAsync(async db =>
        {
            var costCenter = await db.CostCenters.Where(c => c.Code == TestData.CostCenter).Select(c => c.Id).SingleAsync();
            for (var i = 0; i < 12; i++)
            {
                var start = FleetPoolFactory.Monday8 - Duration.FromDays(i + 1);
                db.Bookings.Add(new Booking
                {
                    VehicleId = app.Ids.Bike, Start = start, End = start + Duration.FromHours(1), BlockedUntil = start + Duration.FromHours(1),
                    BookerId = app.Ids.Lead, Purpose = $"Resa {i}", CostCenterId = costCenter, CreatedAt = start, Status = BookingStatus.Returned,
                });
            }
            return await db.SaveChangesAsync();
        });
        await using var ui = new UiContext(app, app.Ids.Lead, Core.Common.Roles.DepartmentLead);
        var cut = ui.Render<MyBookings>();
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll(".trip-list .trip-item").Count));
        var more = cut.FindAll("button").Single(b => b.TextContent.Contains("Visa fler (2 till)", StringComparison.Ordinal));
        more.Click();
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll(".trip-list .trip-item").Count));
        Assert.DoesNotContain("Visa fler", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_OnlyAnUpcomingTrip_SaysSoWithoutAnEmptyTable()
    {
        await app.QueryAsync(async db =>
        {
            var start = FleetPoolFactory.Monday8 + Duration.FromDays(2);
            db.Bookings.Add(new Booking
            {
                VehicleId = app.Ids.Bike, Start = start, End = start + Duration.FromHours(1), BlockedUntil = start + Duration.FromHours(1), BookerId = app.Ids.Unlicensed,
                Purpose = "Kommande", CostCenterId = await db.CostCenters.Select(c => c.Id).FirstAsync(), CreatedAt = start, Status = BookingStatus.Reserved,
            });
            return await db.SaveChangesAsync();
        });
        await using var ui = new UiContext(app, app.Ids.Unlicensed);
        var cut = ui.Render<MyBookings>();
        cut.WaitForAssertion(() => Assert.Contains("Inga tidigare resor.", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Kommande", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table"));
    }
}
