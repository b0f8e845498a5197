using Bunit;
using FleetPool.Web.Components.Pages;
using FleetPool.Web.Tests.Infrastructure;
using FleetPool.Core.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

/// <summary>Each role starts with its own work; everyone can book below it.</summary>
public class StartPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Home_FleetManager_FleetTodayFirstThenBooking()
    {
        await using var ui = new UiContext(app, app.Ids.FleetManager, Core.Common.Roles.FleetManager);
        var cut = ui.Render<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Flottan idag", cut.Markup, StringComparison.Ordinal));
        Assert.True(cut.Markup.IndexOf("Flottan idag", StringComparison.Ordinal) < cut.Markup.IndexOf("Boka en resa", StringComparison.Ordinal));
        Assert.Contains("På verkstad", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Staff_NoFleetCountsButTheLineAndTheNextTrip()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = ui.Render<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Din nästa resa", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Flottan idag", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Skriv resan på en rad", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ManyTripsAhead_NextTripIsTheSoonest()
    {
        // The card once looked only at the 20 bookings furthest ahead.
        await app.QueryAsync(async db =>
        {
            var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
            for (var i = 0; i < 30; i++)
            {
                var start = FleetPoolFactory.Monday8 + Duration.FromDays(60) + Duration.FromHours(2 * i);
                db.Bookings.Add(new Booking
                {
                    VehicleId = app.Ids.WeekdayCar, Start = start, End = start + Duration.FromHours(1), BlockedUntil = start + Duration.FromHours(1),
                    BookerId = app.Ids.Leaver, Purpose = $"Besök {i}", CostCenterId = costCenter, CreatedAt = start, Status = BookingStatus.Reserved,
                });
            }
            return await db.SaveChangesAsync();
        });
        await using var ui = new UiContext(app, app.Ids.Leaver);
        var cut = ui.Render<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Din nästa resa", cut.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("Besök 0", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Besök 1", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://fleetpool.huddinge.se", "https://fleetpool.huddinge.se/")]
    [InlineData("http://10.0.0.5:8080/pool/", "http://10.0.0.5:8080/pool/")]
    [InlineData("", null)]
    public void PublicBaseUrl_Configured_UsedAsTheBase(string setting, string? expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new(FleetPool.Web.Setup.PublicUrls.Setting, setting)]).Build();

        Assert.Equal(expected, FleetPool.Web.Setup.PublicUrls.Configured(config)?.ToString());
    }

    [Theory]
    [InlineData("fleetpool.huddinge.se")]
    [InlineData("ftp://fleetpool.huddinge.se/")]
    public void PublicBaseUrl_NotAnAbsoluteHttpUrl_StopsTheStartNamingTheSetting(string setting)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new(FleetPool.Web.Setup.PublicUrls.Setting, setting)]).Build();

        var e = Assert.Throws<InvalidOperationException>(() => FleetPool.Web.Setup.PublicUrls.Configured(config));
        Assert.Contains("Hosting:PublicBaseUrl", e.Message, StringComparison.Ordinal);
    }
}
