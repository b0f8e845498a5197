using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>What a member of staff does in a real browser, on desktop and phone widths; asserts on what a person sees.</summary>
public class StaffJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1366, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Staff_ThreeKmTrip_EBikeAdviceFirstBooksEBikeAndIsAskedWhyForACar(int width, int height, string tag)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await Chromium.ShotOnFailureAsync(page, $"staff-failed-{tag}", () => JourneyAsync(page, tag), app);
    }

    private async Task JourneyAsync(IPage page, string tag)
    {
        await Chromium.SignInAsync(page, app.BaseUrl, "staff@fleetpool.demo");
        await Assertions.Expect(page.GetByText("Välkommen")).ToBeVisibleAsync();

        // A trip from the key cabinet (open around the clock) starting at the next quarter hour, the form's default,
        // so it can be picked up at once.
        await Chromium.OpenAsync(page, $"{app.BaseUrl}/book");
        await Chromium.ChooseAsync(page, page.GetByLabel("Utgångsplats"), "Skogås nyckelskåp");
        await page.GetByLabel("eller avstånd enkel väg (km)").FillAsync("3");
        await page.GetByLabel("Ärende").FillAsync($"Hembesök ({tag})");
        await Assertions.Expect(page.GetByText("cykel tar ungefär")).ToBeVisibleAsync();
        Assert.Equal(["Cykel", "Elcykel", "Bil"], await page.Locator(".mode-card h3").AllInnerTextsAsync()); // the greener choices first
        await Chromium.ShotAsync(page, $"staff-book-{tag}");

        var eBike = page.Locator(".mode-card button[aria-label^='Boka Elcykel']").First;
        var name = (await eBike.GetAttributeAsync("aria-label"))!["Boka ".Length..];
        await eBike.ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/bookings");
        await Chromium.WaitForCircuitAsync(page);
        var booking = page.Locator(".vehicle-row").Filter(new() { HasText = $"Hembesök ({tag})" });
        await Assertions.Expect(booking.GetByText(name)).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, $"staff-booked-{tag}");

        await booking.GetByRole(AriaRole.Button, new() { Name = "Hämta ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByText($"Hämta ut {name}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(booking.GetByText("Utlämnad")).ToBeVisibleAsync();
        await booking.GetByRole(AriaRole.Button, new() { Name = "Lämna tillbaka" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(booking).ToHaveCountAsync(0); // no longer upcoming ...
        var past = page.Locator(".trip-item").Filter(new() { HasText = name }).First;
        await Assertions.Expect(past.GetByText("Återlämnad")).ToBeVisibleAsync(); // ... but a returned trip
        await Chromium.ShotAsync(page, $"staff-returned-{tag}");

        // A car for the same short trip: the page asks why before it books (the purpose is remembered). From the key
        // cabinet again: the form's own site closes at 19:00, so late in the day its default slot could not be booked.
        await Chromium.OpenAsync(page, $"{app.BaseUrl}/book");
        await Chromium.ChooseAsync(page, page.GetByLabel("Utgångsplats"), "Skogås nyckelskåp");
        await page.GetByLabel("eller avstånd enkel väg (km)").FillAsync("3");
        await page.Locator(".mode-card:has(h3:text-is('Bil')) button").ClickAsync();
        await Assertions.Expect(page.GetByText("Varför behövs bil?")).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, $"staff-car-reason-{tag}");
    }

}
