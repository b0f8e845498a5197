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
        await Chromium.SignInAsync(page, app.BaseUrl, "staff@fleetpool.demo");
        await Assertions.Expect(page.GetByText("Välkommen")).ToBeVisibleAsync();

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/book");
        await page.GetByLabel("Avstånd enkel väg (km)").FillAsync("3");
        await page.GetByLabel("Ärende").FillAsync($"Hembesök ({tag})");
        await page.GetByText("Visa lediga fordon").ClickAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("cykel tar ungefär")).ToBeVisibleAsync();
        var first = await page.Locator(".vehicle-row h3").First.InnerTextAsync();
        Assert.Contains("ykel", first, StringComparison.Ordinal); // Cykel or Elcykel before any car
        await Chromium.ShotAsync(page, $"staff-book-{tag}");

        var eBike = page.Locator("button[aria-label^='Boka Elcykel']").First;
        var name = (await eBike.GetAttributeAsync("aria-label"))!["Boka ".Length..];
        await eBike.ClickAsync();
        // No cost centre chosen yet: the page says so next to the field instead of booking.
        await Assertions.Expect(page.GetByText("Rätta uppgifterna markerade nedan.")).ToBeVisibleAsync();
        await page.GetByLabel("Kostnadsställe").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.Locator($"button[aria-label='Boka {name}']").ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/bookings");
        await Assertions.Expect(page.GetByText(name).First).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, $"staff-booked-{tag}");

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/book");
        await page.GetByLabel("Avstånd enkel väg (km)").FillAsync("3");
        await page.GetByLabel("Ärende").FillAsync("Leverans");
        await page.GetByLabel("Kostnadsställe").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.GetByText("Visa lediga fordon").ClickAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToBeVisibleAsync();
        await page.Locator("button[aria-label^='Boka Kia']").First.ClickAsync();
        await Assertions.Expect(page.GetByText("Varför behövs bil?")).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, $"staff-car-reason-{tag}");
    }
}
