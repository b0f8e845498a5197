using System.Diagnostics;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// A round with two stops from the booking form: the destination, one more stop, the proposed order and km shown, an e-bike
/// booked for the round; counted in interactions and seconds at 1366 px and 390 px.
/// </summary>
public class RoundJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1366, 900, "desktop", "maria.ek@fleetpool.demo")]
    [InlineData(390, 844, "phone", "erik.sjoberg@fleetpool.demo")]
    public async Task Staff_TwoStopRound_OrderAndKmShownThenBooked(int width, int height, string tag, string email)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await Chromium.ShotOnFailureAsync(page, $"round-failed-{tag}", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, email);
            await Chromium.UseKeyCabinetAsync(page);
            await Chromium.OpenAsync(page, app.BaseUrl + "/book");
            var count = 0;
            var clock = Stopwatch.StartNew();
            await PickPlaceAsync(page, page.GetByLabel("Resmål i platsregistret"), "Trångsund", "Trångsund äldreboende"); count += 2;
            await PickPlaceAsync(page, page.GetByLabel("Lägg till stopp"), "Länna", "Länna handelsområde"); count += 2;
            await Assertions.Expect(page.GetByText("km tur och retur")).ToBeVisibleAsync(); // the planned round, with or without a saving
            await page.GetByText("I morgon", new() { Exact = true }).First.ClickAsync(); count++;
            await page.GetByLabel("Ärende").FillAsync($"Runda till två boenden ({tag})"); count++;
            await Assertions.Expect(page.Locator(".mode-card").First).ToContainTextAsync("Cykel");
            await Chromium.ShotAsync(page, $"round-form-{tag}");
            await page.Locator(".mode-card button[aria-label^='Boka Elcykel']").First.ClickAsync(); count++;
            await page.WaitForURLAsync($"{app.BaseUrl}/bookings");
            await Assertions.Expect(page.GetByText("Bokat:")).ToBeVisibleAsync();
            clock.Stop();
            Chromium.Measure($"Round ({tag}): an e-bike for a two-stop round from the booking form: {count} interactions, {clock.Elapsed.TotalSeconds:0.0} s to the confirmation");
            Assert.True(count <= 8, $"a two-stop round took {count} interactions");
        }, app);
    }

    // Typing part of the name and choosing it from the list: two interactions.
    private static async Task PickPlaceAsync(IPage page, ILocator field, string typed, string name)
    {
        await field.FillAsync(typed);
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(name, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
