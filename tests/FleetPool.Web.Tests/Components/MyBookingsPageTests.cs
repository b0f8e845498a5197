using Bunit;
using FleetPool.Core.Bookings;
using FleetPool.Web.Components.Pages.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

public class MyBookingsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // One-hour bookings written straight to the database: trip i starts at start(i) and is called purpose(i).
    private Task<int> AddAsync(int count, int vehicle, int booker, BookingStatus status, Func<int, Instant> start, Func<int, string> purpose, int? series = null) =>
        app.QueryAsync(async db =>
        {
            var costCenter = await db.CostCenters.Where(c => c.Code == TestData.CostCenter).Select(c => c.Id).SingleAsync();
            db.Bookings.AddRange(Enumerable.Range(0, count).Select(i => new Booking
            {
                VehicleId = vehicle, Start = start(i), End = start(i) + Duration.FromHours(1), BlockedUntil = start(i) + Duration.FromHours(1), SeriesId = series,
                BookerId = booker, Purpose = purpose(i), CostCenterId = costCenter, CreatedAt = start(i), Status = status,
            }));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Past_TwelveTrips_TenShownThenShowMoreShowsAll()
    {
        await AddAsync(12, app.Ids.Bike, app.Ids.Lead, BookingStatus.Returned, i => FleetPoolFactory.Monday8 - Duration.FromDays(i + 1), i => $"Resa {i}");
        await using var ui = new UiContext(app, app.Ids.Lead, Core.Common.Roles.DepartmentLead);
        var cut = ui.Render<MyBookings>();
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll(".trip-list .trip-item").Count));
        var more = cut.FindAll("button").Single(b => b.TextContent.Contains("Visa fler (2 till)", StringComparison.Ordinal));
        more.Click();
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll(".trip-list .trip-item").Count));
        Assert.DoesNotContain("Visa fler", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upcoming_MoreBookingsThanTheListShows_SoonestFirstAndTheRestCounted()
    {
        // More upcoming trips than a page: the list once loaded the 200 furthest away, so the next trip was missing.
        const int count = BookingQueries.UpcomingShown + 30;
        await AddAsync(count, app.Ids.RaceCar, app.Ids.Admin, BookingStatus.Reserved,
            i => FleetPoolFactory.Monday8 + Duration.FromDays(40) + Duration.FromHours(2 * i), i => $"Uppdrag {i}");
        await using var ui = new UiContext(app, app.Ids.Admin, Core.Common.Roles.Admin);
        var cut = ui.Render<MyBookings>();

        cut.WaitForAssertion(() => Assert.Equal(BookingQueries.UpcomingShown, cut.FindAll(".vehicle-row").Count));
        var rows = cut.FindAll(".vehicle-row");
        Assert.Contains("Uppdrag 0", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Uppdrag {BookingQueries.UpcomingShown - 1}", rows[^1].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Visar de {BookingQueries.UpcomingShown} närmaste av {count}", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upcoming_ASeriesAndOneTrip_SeriesShownByItsNextTripWithTheCountThatFollows()
    {
        var series = await app.QueryAsync(async db =>
        {
            var made = new Core.Bookings.Series.BookingSeries
            {
                BookerId = app.Ids.FleetManager, VehicleId = app.Ids.EBike, CostCenterId = await db.CostCenters.Select(c => c.Id).FirstAsync(), Purpose = "Veckomöte",
            };
            db.Add(made);
            await db.SaveChangesAsync();
            return made.Id;
        });
        var day20 = FleetPoolFactory.Monday8 + Duration.FromDays(20);
        await AddAsync(5, app.Ids.EBike, app.Ids.FleetManager, BookingStatus.Reserved, w => day20 + Duration.FromDays(7 * w), _ => "Veckomöte", series);
        await AddAsync(1, app.Ids.EBike, app.Ids.FleetManager, BookingStatus.Reserved, _ => day20 + Duration.FromDays(1), _ => "Enstaka");
        await using var ui = new UiContext(app, app.Ids.FleetManager, Core.Common.Roles.FleetManager);
        var cut = ui.Render<MyBookings>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".vehicle-row").Count));
        var rows = cut.FindAll(".vehicle-row");
        Assert.Contains("Veckomöte", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("+4 till i serien", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Enstaka", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("närmaste av", cut.Markup, StringComparison.Ordinal);
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
