using System.Diagnostics;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// How fast booking is for a person: each flow counts interactions (clicks, taps, typed fields; Enter ends a typed field)
/// and seconds from the start page to the confirmation (My bookings), at 1366 px and 390 px. Figures go to
/// measurements.txt. Each width signs in as a different member of staff without upcoming demo trips, so that no
/// "you already have a booking then" question enters the count.
/// </summary>
public class BookingSpeedTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1366, 900, "desktop", "maria.ek@fleetpool.demo", "13-15")]
    [InlineData(390, 844, "phone", "erik.sjoberg@fleetpool.demo", "15-17")]
    public async Task Staff_BookingFlows_WithinTheInteractionGoals(int width, int height, string tag, string email, string hours)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await PastTheDaysLastPickUpAsync();
        await Chromium.ShotOnFailureAsync(page, $"speed-failed-{tag}", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, email);
            await Chromium.UseKeyCabinetAsync(page); // open around the clock, so "today" and "tomorrow" are bookable whenever CI runs

            // A car for 3 km today, with a reason (the purpose is typed as a first-timer would).
            var car = await MeasureAsync(page, tag, "car for 3 km today with a reason", async f =>
            {
                await f.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Boka resa" }).First);
                await f.FillAsync(page.GetByLabel("eller avstånd enkel väg (km)"), "3");
                await f.FillAsync(page.GetByLabel("Ärende"), $"Leverans ({tag})");
                await f.ClickAsync(page.Locator(".mode-card:has(h3:text-is('Bil')) button"));
                await Assertions.Expect(page.GetByText("Varför behövs bil?")).ToBeVisibleAsync();
                await Chromium.ShotAsync(page, $"speed-car-reason-{tag}");
                await f.ClickAsync(page.GetByRole(AriaRole.Dialog).GetByText("Tung eller skrymmande"));
                await f.ClickAsync(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Boka", Exact = true }));
            });
            Assert.True(car <= 6, $"car with a reason took {car} interactions");

            // That car starts within the next quarter hour, so its pick-up window is open: scan its sticker and pick it up.
            var link = await page.Locator(".vehicle-row").Filter(new() { HasText = $"Leverans ({tag})" }).Locator("a[href^='fleet/']").First.GetAttributeAsync("href");
            var scan = await MeasureScanAsync(page, tag, "/v/" + link!["fleet/".Length..]);
            Assert.True(scan <= 3, $"scan to checked out took {scan} interactions");

            // An e-bike for 3 km tomorrow by the form; the purpose from the car trip is offered again and not retyped.
            var eBike = await MeasureAsync(page, tag, "e-bike for 3 km tomorrow (form, purpose remembered)", async f =>
            {
                await f.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Boka resa" }).First);
                await Assertions.Expect(page.GetByLabel("Ärende")).ToHaveValueAsync($"Leverans ({tag})");
                await f.FillAsync(page.GetByLabel("eller avstånd enkel väg (km)"), "3");
                await f.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "I morgon" }).Or(page.GetByText("I morgon", new() { Exact = true })).First);
                await Assertions.Expect(page.Locator(".mode-card").First).ToContainTextAsync("Cykel");
                await Chromium.ShotAsync(page, $"speed-ebike-choices-{tag}");
                await f.ClickAsync(page.Locator(".mode-card button[aria-label^='Boka Elcykel']").First);
            });
            Assert.True(eBike <= 4, $"e-bike by the form took {eBike} interactions");

            // The same by the one-line field on the start page, purpose included in the line.
            var line = await MeasureAsync(page, tag, "e-bike for 3 km by the one-line field", async f =>
            {
                await f.FillAndEnterAsync(page.GetByLabel("Skriv resan på en rad").First, $"elcykel i övermorgon {hours} 3 km för hembesök");
                await Assertions.Expect(page.GetByText("Ifyllt:")).ToBeVisibleAsync();
                await Chromium.ShotAsync(page, $"speed-line-{tag}");
                await f.ClickAsync(page.Locator(".mode-card button[aria-label^='Boka Elcykel']").First);
            });
            Assert.Equal(2, line);
        }, app);
    }

    // From 23:45 Stockholm time today has no pick-up left: the "today" car then starts at 00:00 tomorrow, and the e-bike for
    // tomorrow (which keeps the form's time) would ask "you already have a booking then", a question this count leaves out.
    // A run that starts within a quarter hour of that (a run takes minutes on a loaded machine) waits for midnight instead; CI
    // ran into it once, at 23:5x.
    private static async Task PastTheDaysLastPickUpAsync()
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, stockholm);
        if (now.TimeOfDay >= new TimeSpan(23, 30, 0))
        {
            await Task.Delay(now.Date.AddDays(1).AddSeconds(5) - now.DateTime);
        }
    }

    // Runs a flow from the start page to My bookings and records its interactions and seconds.
    private async Task<int> MeasureAsync(IPage page, string tag, string flow, Func<Flow, Task> steps)
    {
        await Chromium.OpenAsync(page, app.BaseUrl + "/");
        await Assertions.Expect(page.GetByText("Välkommen")).ToBeVisibleAsync();
        var f = new Flow();
        var clock = Stopwatch.StartNew();
        await steps(f);
        await ConfirmedAsync(page, f, flow);
        await Assertions.Expect(page.GetByText("Bokat:")).ToBeVisibleAsync();
        clock.Stop();
        await Chromium.ShotAsync(page, $"speed-booked-{tag}-{f.Count}");
        Chromium.Measure($"Booking speed ({tag}): {flow}: {f.Count} interactions, {clock.Elapsed.TotalSeconds:0.0} s from the start page to the confirmation");
        return f.Count;
    }

    // Waits for My bookings. CI once waited a minute after "Boka" on the one-line flow without a trace of why; when 20 s
    // pass, what the page and the app say is written to measurements.txt, and only when nothing there explains it (no
    // alert, no dialog, the button still there and enabled) is the last click repeated — counted, so it stays visible.
    private async Task ConfirmedAsync(IPage page, Flow f, string flow)
    {
        var bookings = $"{app.BaseUrl}/bookings";
        try
        {
            await page.WaitForURLAsync(bookings, new() { Timeout = 20_000 });
            return;
        }
        catch (TimeoutException)
        {
            Chromium.Measure($"Browser: \"{flow}\" not at My bookings 20 s after the last click: {await Chromium.DescribeAsync(page)}; app errors: {app.RecentErrors()}");
        }
        var unexplained = await page.Locator("[role=alert]:visible, [role=dialog]:visible").CountAsync() == 0
            && f.Last is { } last && await last.IsVisibleAsync() && await last.IsEnabledAsync();
        if (unexplained)
        {
            Chromium.Measure($"Browser: \"{flow}\": the last click ({f.Last}) was repeated");
            try
            {
                await f.Last!.ClickAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // the page moved on meanwhile: the wait below says whether it reached My bookings
            }
        }
        await page.WaitForURLAsync(bookings);
    }

    // Opening the sticker's link is the scan (not counted: the camera does it); the taps from there to "checked out" are.
    private async Task<int> MeasureScanAsync(IPage page, string tag, string path)
    {
        var f = new Flow();
        var clock = Stopwatch.StartNew();
        await Chromium.OpenAsync(page, app.BaseUrl + path);
        await f.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Hämta ut", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Mätarställning (km)")).Not.ToHaveValueAsync("");
        // An electric car asks for its battery level, a fuel car for its tank: the one reading the person has to type.
        var dialog = page.GetByRole(AriaRole.Dialog);
        var level = dialog.GetByLabel("Batteri (%)").Or(dialog.GetByLabel("Bränsle (åttondelar av tanken)"));
        await f.FillAsync(level, "6");
        await Chromium.ShotAsync(page, $"speed-scan-{tag}");
        await f.ClickAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Spara" }));
        await Assertions.Expect(page.GetByText("Utlämnad").First).ToBeVisibleAsync();
        clock.Stop();
        Chromium.Measure($"Booking speed ({tag}): QR scan to checked out: {f.Count} interactions, {clock.Elapsed.TotalSeconds:0.0} s from the scanned link to \"Utlämnad\"");
        return f.Count;
    }

    /// <summary>Counts what a person does.</summary>
    private sealed class Flow
    {
        public int Count { get; private set; }

        /// <summary>What was clicked last.</summary>
        public ILocator? Last { get; private set; }

        public async Task ClickAsync(ILocator target)
        {
            Count++;
            Last = target;
            await target.ClickAsync();
        }

        public async Task FillAsync(ILocator field, string text)
        {
            Count++;
            await field.FillAsync(text);
        }

        public async Task FillAndEnterAsync(ILocator field, string text)
        {
            Count++;
            await field.FillAsync(text);
            await field.PressAsync("Enter");
        }
    }
}
