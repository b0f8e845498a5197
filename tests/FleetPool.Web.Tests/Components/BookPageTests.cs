using Bunit;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Web.Components.Pages.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

/// <summary>The Book page against the real rules: the clock is Monday 2026-03-16 08:00, so the form starts at 08:00 today.</summary>
public class BookPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // The input a label names, as a person finds it.
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<Book> cut, string label) =>
        cut.Find("#" + cut.FindAll("label").First(l => l.TextContent.Trim().StartsWith(label, StringComparison.Ordinal)).GetAttribute("for"));

    private static IRenderedComponent<Book> RenderWithChoices(UiContext ui, double km, Action<BookingFormModel>? fill = null)
    {
        var cut = ui.Render<Book>();
        cut.WaitForAssertion(() => Assert.Contains("Vart ska du?", cut.Markup, StringComparison.Ordinal));
        fill?.Invoke(cut.Instance.Form);
        Field(cut, "eller avstånd").Input(km.ToString(System.Globalization.CultureInfo.GetCultureInfo("sv-SE")));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mode-card")));
        return cut;
    }

    private void OpenSite(BookingFormModel f) => f.SiteId = app.Ids.OpenSite;

    // The one-line field at the always-open site, Enter pressed as a person does.
    private IRenderedComponent<Book> RenderAndType(UiContext ui, string text)
    {
        var cut = ui.Render<Book>();
        cut.WaitForAssertion(() => Assert.Contains("Vart ska du?", cut.Markup, StringComparison.Ordinal));
        cut.Instance.Form.SiteId = app.Ids.OpenSite;
        var line = Field(cut, "Skriv resan");
        line.Input(text);
        line.KeyUp(new KeyboardEventArgs { Key = "Enter" });
        return cut;
    }

    [Fact]
    public async Task Choices_ThreeKilometreTrip_OneCardPerModeGreenestFirstEachWithItsVehicle()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = RenderWithChoices(ui, 3, OpenSite);

        Assert.Contains("cykel tar ungefär 11 minuter", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["Cykel", "Elcykel", "Bil"], cut.FindAll(".mode-card h3").Select(h => h.TextContent.Trim()));
        Assert.NotNull(cut.Find(".mode-card button[aria-label='Boka Cykel 1']"));
        Assert.NotNull(cut.Find(".mode-card button[aria-label='Boka Elcykel 1']"));
        Assert.NotNull(cut.Find(".mode-card button[aria-label='Boka Kia e-Niro']")); // the fossil-free car, not the petrol one
        Assert.Empty(cut.FindAll(".vehicle-row")); // the full list is one click away
    }

    [Fact]
    public async Task Scanned_VehicleInTheLink_OfferedFirstWithItsOwnButton()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        ui.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/book?site={app.Ids.OpenSite}&vehicle={app.Ids.ElectricCar}");

        var cut = RenderWithChoices(ui, 30);

        Assert.Contains("Fordonet du skannade: Kia e-Niro", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("button[aria-label='Boka Kia e-Niro']").Count); // its own card, and the car card it also leads
        Assert.Equal(app.Ids.OpenSite, cut.Instance.Form.SiteId);
    }

    [Fact]
    public async Task Defaults_StaffOfHomeCare_CostCentreOfTheDepartmentAndTodaysNextTime()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = ui.Render<Book>();
        cut.WaitForAssertion(() => Assert.Contains("Vart ska du?", cut.Markup, StringComparison.Ordinal));

        Assert.Equal((TestData.CostCenter, new DateTime(2026, 3, 16)), (cut.Instance.Form.CostCenter, cut.Instance.Form.Date));
        Assert.NotNull(cut.Instance.Form.Start);
    }

    [Fact]
    public async Task Book_WithoutPurpose_AskedAtTheButtonAndNothingBookedWhenCancelled()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var dialogs = ui.Render<MudBlazor.MudDialogProvider>();
        var cut = RenderWithChoices(ui, 3, f => (f.SiteId, f.Purpose, f.Date) = (app.Ids.OpenSite, null, new DateTime(2026, 3, 18)));

        cut.Find(".mode-card button[aria-label='Boka Elcykel 1']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Ärende", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Boka").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Obligatoriskt", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Välj ett annat fordon").Click();
        Assert.Equal(0, await app.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == app.Ids.EBike && b.Start >= Instant.FromUtc(2026, 3, 17, 23, 0))));
    }

    [Fact]
    public async Task Book_SomeoneElseWasFaster_MessageUnderTheButtonAndRefreshedChoices()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var cut = RenderWithChoices(ui, 3, f => (f.SiteId, f.Purpose, f.CostCenter, f.Date) =
            (app.Ids.OpenSite, "Hembesök", TestData.CostCenter, new DateTime(2026, 3, 19)));
        var start = cut.Instance.Form.Slot(app.Services.GetRequiredService<Core.Time.OrganisationTime>(), out _, out _)!.Value.Start;
        var faster = await app.Services.GetRequiredService<BookingService>().CreateAsync(Actor.Of(app.Ids.FleetManager, Roles.FleetManager),
            new BookingRequest(app.Ids.Bike, start, start + Duration.FromHours(2), "Snabbare", TestData.CostCenter, 3));
        Assert.True(faster.Succeeded);

        cut.Find(".mode-card button[aria-label='Boka Cykel 1']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Någon hann före", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("button[aria-label='Boka Cykel 1']"));
        Assert.Contains("Ingen ledig", cut.FindAll(".mode-card")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_TimeInSpringGap_SaysItDoesNotExistAndShowsNoChoices()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);

        var cut = RenderAndType(ui, "cykel 2026-03-29 kl 02:30 3 km");

        cut.WaitForAssertion(() => Assert.Contains("2026-03-29 02:30 finns inte", cut.Markup, StringComparison.Ordinal));
        Assert.True(cut.FindAll(".mode-card").Count == 0, $"{cut.Instance.Form.Date} {cut.Instance.Form.Start} {cut.Instance.Form.Length}");
    }

    [Fact]
    public async Task Line_EbikeTomorrowToAPlace_FillsTheFormAndShowsChoicesNothingBooked()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var before = await app.QueryAsync(db => db.Bookings.CountAsync());

        var cut = RenderAndType(ui, "elcykel i morgon 10–12 4 km för tillsyn");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mode-card")));
        var f = cut.Instance.Form;
        Assert.Equal((Core.Fleet.VehicleKind.EBike, new DateTime(2026, 3, 17), new LocalTime(10, 0), Duration.FromHours(2), 4.0, "tillsyn"),
            (f.Kind, f.Date, f.Start, f.Length, f.DistanceKm, f.Purpose));
        Assert.Contains("Ifyllt:", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Book_CarForThreeKmThenReasonChosen_DialogAsksThenBookedWithReasonAndAnswer()
    {
        await using var ui = new UiContext(app, app.Ids.Staff);
        var dialogs = ui.Render<MudBlazor.MudDialogProvider>();
        var cut = RenderWithChoices(ui, 3, f => (f.SiteId, f.Purpose, f.CostCenter, f.Date, f.AlternativeCheck) =
            (app.Ids.OpenSite, "Leverans", TestData.CostCenter, new DateTime(2026, 3, 20), "no"));
        Assert.Contains("sparar", cut.Markup, StringComparison.Ordinal); // the bike cards compare with the car

        cut.Find(".mode-card button[aria-label='Boka Kia e-Niro']").Click();
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
