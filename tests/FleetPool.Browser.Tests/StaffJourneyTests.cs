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
        await Chromium.ShotOnFailureAsync(page, $"staff-failed-{tag}", () => JourneyAsync(page, tag));
    }

    private async Task JourneyAsync(IPage page, string tag)
    {
        await Chromium.SignInAsync(page, app.BaseUrl, "staff@fleetpool.demo");
        await Assertions.Expect(page.GetByText("Välkommen")).ToBeVisibleAsync();

        // A trip starting within minutes from the key cabinet (open around the clock), so it can be picked up at once.
        var (startDate, startTime, endDate, endTime) = SlotStartingSoon();
        await Chromium.OpenAsync(page, $"{app.BaseUrl}/book");
        await Chromium.ChooseAsync(page, page.GetByLabel("Utgångsplats"), "Skogås nyckelskåp");
        await TypeAsync(page.GetByLabel("Datum", new() { Exact = true }), startDate);
        await TypeAsync(page.GetByLabel("Hämtas"), startTime);
        await TypeAsync(page.GetByLabel("Återlämningsdatum"), endDate);
        await TypeAsync(page.GetByLabel("Lämnas"), endTime);
        await page.GetByLabel("Avstånd enkel väg (km)").FillAsync("3");
        await page.GetByLabel("Ärende").FillAsync($"Hembesök ({tag})");
        await Chromium.ClickUntilAsync(page.GetByText("Visa lediga fordon"), page.Locator("#results-heading"));
        await Assertions.Expect(page.GetByText("cykel tar ungefär")).ToBeVisibleAsync();
        var first = await page.Locator(".vehicle-row h3").First.InnerTextAsync();
        Assert.Contains("ykel", first, StringComparison.Ordinal); // Cykel or Elcykel before any car
        await Chromium.ShotAsync(page, $"staff-book-{tag}");

        var eBike = page.Locator("button[aria-label^='Boka Elcykel']").First;
        var name = (await eBike.GetAttributeAsync("aria-label"))!["Boka ".Length..];
        await eBike.ClickAsync();
        // No cost centre chosen yet: the page says so next to the field instead of booking.
        await Assertions.Expect(page.GetByText("Rätta uppgifterna markerade nedan.")).ToBeVisibleAsync();
        await Chromium.ChooseAsync(page, page.GetByLabel("Kostnadsställe"), null);
        await page.Locator($"button[aria-label='Boka {name}']").ClickAsync();
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
        var past = page.Locator("table tr").Filter(new() { HasText = name }).First;
        await Assertions.Expect(past.GetByText("Återlämnad")).ToBeVisibleAsync(); // ... but a returned trip
        await Chromium.ShotAsync(page, $"staff-returned-{tag}");

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/book");
        await page.GetByLabel("Avstånd enkel väg (km)").FillAsync("3");
        await page.GetByLabel("Ärende").FillAsync("Leverans");
        await Chromium.ChooseAsync(page, page.GetByLabel("Kostnadsställe"), null);
        await Chromium.ClickUntilAsync(page.GetByText("Visa lediga fordon"), page.Locator("#results-heading"));
        await page.Locator("button[aria-label^='Boka Kia']").First.ClickAsync();
        await Assertions.Expect(page.GetByText("Varför behövs bil?")).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, $"staff-car-reason-{tag}");
    }

    // Typed as a person does (the pickers are editable); Tab commits the value.
    private static async Task TypeAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    // Five to ten minutes from now in Stockholm, for an hour: inside the 30-minute early pick-up window.
    private static (string, string, string, string) SlotStartingSoon()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var start = now.AddMinutes(10 - now.Minute % 5).AddSeconds(-now.Second);
        var end = TimeZoneInfo.ConvertTime(start.AddHours(1), zone);
        return (start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}
