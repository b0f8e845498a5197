using System.Diagnostics;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// A repeating trip as a member of staff makes it: an e-bike every week for ten weeks from tomorrow, from the booking form,
/// counted in interactions and seconds at 1366 px and 390 px; then the series page, and the whole series cancelled.
/// </summary>
public class SeriesJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1366, 900, "desktop", "maria.ek@fleetpool.demo")]
    [InlineData(390, 844, "phone", "erik.sjoberg@fleetpool.demo")]
    public async Task Staff_WeeklyEBikeSeries_BookedInFewInteractionsAndCancelled(int width, int height, string tag, string email)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await Chromium.ShotOnFailureAsync(page, $"series-failed-{tag}", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, email);
            await Chromium.UseKeyCabinetAsync(page);
            await Chromium.OpenAsync(page, app.BaseUrl + "/book");
            var count = 0;
            var clock = Stopwatch.StartNew();
            await page.GetByLabel("eller avstånd enkel väg (km)").FillAsync("3"); count++;
            await page.GetByLabel("Ärende").FillAsync($"Hembesök varje vecka ({tag})"); count++;
            await page.GetByText("I morgon", new() { Exact = true }).First.ClickAsync(); count++;
            await Chromium.ChooseAsync(page, page.GetByLabel("Upprepa"), "Varje vecka"); count += 2;
            await Assertions.Expect(page.GetByLabel("Antal resor")).ToHaveValueAsync("10");
            await Assertions.Expect(page.Locator(".mode-card").First).ToContainTextAsync("Cykel");
            await Chromium.ShotAsync(page, $"series-form-{tag}");
            await page.Locator(".mode-card button[aria-label^='Boka Elcykel']").First.ClickAsync(); count++;
            // All ten booked: straight to the series page. Some refused (a holiday at a site closed then): they are listed first.
            var listed = page.Locator("#series-result");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Återkommande resa" }).Or(listed)).ToBeVisibleAsync();
            clock.Stop();
            if (await listed.IsVisibleAsync())
            {
                await Chromium.ShotAsync(page, $"series-not-booked-{tag}");
                await page.GetByRole(AriaRole.Link, new() { Name = "Visa serien" }).ClickAsync(); count++;
            }
            Chromium.Measure($"Series ({tag}): an e-bike every week for 10 weeks from the booking form: {count} interactions, {clock.Elapsed.TotalSeconds:0.0} s to the booked series");
            Assert.True(count <= 7, $"a weekly series took {count} interactions");

            await Assertions.Expect(page.GetByText("varje vecka på")).ToBeVisibleAsync();
            var trips = page.Locator(".trip-item");
            Assert.InRange(await trips.CountAsync(), 1, 10);
            await Chromium.ShotAsync(page, $"series-page-{tag}");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the series page scrolls sideways");

            // My bookings shows the series' next trip once, with how many follow.
            await Chromium.OpenAsync(page, app.BaseUrl + "/bookings");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Återkommande" }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".vehicle-row").Filter(new() { HasText = $"Hembesök varje vecka ({tag})" })).ToHaveCountAsync(1);
            await Chromium.ShotAsync(page, $"series-mine-{tag}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Återkommande" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Avboka hela serien" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Avboka" }).ClickAsync();
            await Assertions.Expect(page.GetByText("resor avbokade.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Avbokad").First).ToBeVisibleAsync();
        }, app);
    }
}
