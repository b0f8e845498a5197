using Bunit;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Web.Components.Pages.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

public class BookPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static IRenderedComponent<Book> RenderSearched(UiContext ui, Action<BookingFormModel> fill)
    {
        var cut = ui.Render<Book>();
        cut.WaitForAssertion(() => Assert.Contains("Visa lediga fordon", cut.Markup, StringComparison.Ordinal));
        fill(cut.Instance.Form);
        cut.FindAll("button").Single(b => b.TextContent.Contains("Visa lediga fordon", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#results-heading")));
        return cut;
    }

    [Fact]
    public async Task Search_ThreeKilometreTrip_BikeAdviceAndBikesFirst()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = RenderSearched(ui, f => (f.SiteId, f.DistanceKm) = (app.Ids.OpenSite, 3));
        Assert.Contains("cykel tar ungefär 11 minuter", cut.Markup, StringComparison.Ordinal);
        var names = cut.FindAll("h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("Cykel 1", names[0]);
        Assert.Contains("Kia e-Niro", names);
    }

    [Fact]
    public async Task Book_WithoutPurposeOrCostCentre_FieldMessagesAndNothingBooked()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = RenderSearched(ui, f => (f.SiteId, f.DistanceKm, f.Date, f.ReturnDate) = (app.Ids.OpenSite, 3, new DateTime(2026, 3, 18), new DateTime(2026, 3, 18)));
        cut.Find("button[aria-label='Boka Elcykel 1']").Click();
        cut.WaitForAssertion(() => Assert.Contains("Rätta uppgifterna markerade nedan.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll(".mud-input-helper-text").Count(e => e.TextContent.Contains("Obligatoriskt", StringComparison.Ordinal)));
        Assert.Equal(0, await app.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == app.Ids.EBike)));
    }

    [Fact]
    public async Task Book_SomeoneElseWasFaster_ConflictMessageAndRefreshedList()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = RenderSearched(ui, f => (f.SiteId, f.DistanceKm, f.Purpose, f.CostCenter, f.Date, f.ReturnDate) =
            (app.Ids.OpenSite, 3, "Hembesök", TestData.CostCenter, new DateTime(2026, 3, 19), new DateTime(2026, 3, 19)));
        var start = Instant.FromUtc(2026, 3, 19, 8, 0);
        var faster = await app.Services.GetRequiredService<BookingService>().CreateAsync(Actor.Of(app.Ids.FleetManager, Roles.FleetManager),
            new BookingRequest(app.Ids.Bike, start, start + Duration.FromHours(2), "Snabbare", TestData.CostCenter, 3));
        Assert.True(faster.Succeeded);

        cut.Find("button[aria-label='Boka Cykel 1']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Någon hann före", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("button[aria-label='Boka Cykel 1']"));
        Assert.Contains("Bokad", cut.FindAll(".mud-paper").Single(p => p.TextContent.Contains("Cykel 1", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_LocalTimeInSpringGap_FieldMessageSaysItDoesNotExist()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = ui.Render<Book>();
        cut.WaitForAssertion(() => Assert.Contains("Visa lediga fordon", cut.Markup, StringComparison.Ordinal));
        (cut.Instance.Form.Date, cut.Instance.Form.StartTime, cut.Instance.Form.ReturnDate) = (new DateTime(2026, 3, 29), new TimeSpan(2, 30, 0), new DateTime(2026, 3, 29));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Visa lediga fordon", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Contains("2026-03-29 02:30 finns inte", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#results-heading"));
    }

    [Fact]
    public async Task Book_CarForThreeKmThenReasonChosen_DialogAsksThenBookedWithReasonAndAnswer()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var dialogs = ui.Render<MudBlazor.MudDialogProvider>();
        var cut = RenderSearched(ui, f => (f.SiteId, f.DistanceKm, f.Purpose, f.CostCenter, f.Date, f.ReturnDate, f.AlternativeCheck) =
            (app.Ids.OpenSite, 3, "Leverans", TestData.CostCenter, new DateTime(2026, 3, 20), new DateTime(2026, 3, 20), "no"));
        Assert.Contains("sparar", cut.Markup, StringComparison.Ordinal); // the per-mode table compares with the car

        cut.Find("button[aria-label='Boka Kia e-Niro']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Varför behövs bil?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Boka").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Välj ett skäl eller beskriv det.", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll(".mud-radio").Single(l => l.TextContent.Contains("Tung eller skrymmande", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Boka").Click();

        await WaitForBookingAsync(app.Ids.ElectricCar, "Leverans");
        var stored = await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.VehicleId == app.Ids.ElectricCar && b.Purpose == "Leverans"));
        Assert.Equal(("equipment", "no", (string?)null), (stored.CarReason, stored.AlternativeCheck, stored.FossilReason));
    }

    private async Task WaitForBookingAsync(int vehicleId, string purpose)
    {
        for (var i = 0; i < 100 && !await app.QueryAsync(db => db.Bookings.AnyAsync(b => b.VehicleId == vehicleId && b.Purpose == purpose)); i++)
        {
            await Task.Delay(100);
        }
    }
}
