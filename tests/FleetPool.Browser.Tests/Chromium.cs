using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>Debian's chromium through Playwright (no browser download). Skips locally without it; fails under CI=true.</summary>
public static class Chromium
{
    /// <summary>
    /// The browser: <c>FLEETPOOL_CHROMIUM</c> when set (.ci/run sets it to what it found or installed), else
    /// <c>chromium</c> on the PATH, as <c>command -v chromium</c> finds it, else Debian's <c>/usr/bin/chromium</c>.
    /// </summary>
    public static readonly string Path = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("FLEETPOOL_CHROMIUM") is { Length: > 0 } configured)
        {
            return configured;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "chromium")).FirstOrDefault(File.Exists);
        return onPath ?? "/usr/bin/chromium";
    }

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        if (!File.Exists(Path))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{Path} is missing: .ci/run installs chromium, so browser tests must run in CI.");
            }
            Assert.Skip($"Browser tests skipped: {Path} not found (apt-get install chromium fonts-liberation).");
        }
        // CI runs this beside the rest of the suite on two cores: generous waits, still failing on what never appears.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Saves a screenshot as a test artefact under the test output folder.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });

    /// <summary>
    /// Clicks and expects something to appear; clicks once more when it has not after 15 s. On a loaded two-core CI
    /// machine a click on "Visa lediga fordon" was seen to vanish (no search, no error, the button still enabled); the
    /// second attempt is counted in measurements.txt, so it stays visible instead of hiding a product bug.
    /// </summary>
    public static async Task ClickUntilAsync(ILocator button, ILocator expected)
    {
        await button.ClickAsync();
        try
        {
            await Assertions.Expect(expected).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
            Measure($"Browser: a click had no effect after 15 s and was repeated ({button})");
            await button.ClickAsync();
            await Assertions.Expect(expected).ToBeVisibleAsync();
        }
    }

    /// <summary>Opens a MudSelect, picks the option with this text (the first when null) and waits until the list has closed.</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string? option)
    {
        await select.ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await (option is null ? items.First : items.GetByText(option, new() { Exact = true })).ClickAsync();
        // Until the list has closed, its overlay takes the next click (seen on a loaded CI machine: "Boka" did nothing).
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Runs a journey; when it fails, saves what the page showed at that moment and writes it in words to measurements.txt
    /// (CI prints that file; a screenshot on the CI machine is out of reach), with the app's logged errors when given.
    /// </summary>
    public static async Task ShotOnFailureAsync(IPage page, string name, Func<Task> journey, AppProcess? app = null)
    {
        try
        {
            await journey();
        }
        catch
        {
            await ShotAsync(page, name);
            Measure($"Browser: {name}: {await DescribeAsync(page)}; app errors: {app?.RecentErrors() ?? "not read"}");
            throw;
        }
    }

    /// <summary>Where the page is and what it tells the person: alerts, an open dialog, notices, an overlay over the page.</summary>
    public static async Task<string> DescribeAsync(IPage page)
    {
        try
        {
            return $"at {page.Url}; " + await page.EvaluateAsync<string>("""
                () => {
                    const shown = e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed';
                    const texts = sel => [...document.querySelectorAll(sel)].filter(shown)
                        .map(e => e.innerText.replace(/\s+/g, ' ').trim().slice(0, 200)).filter(t => t);
                    return `alerts [${texts('[role=alert]').join(' / ')}], dialog [${texts('[role=dialog]').join(' / ')}], ` +
                           `notices [${texts('.mud-snackbar').join(' / ')}], overlays ${document.querySelectorAll('.mud-overlay').length}, ` +
                           `interactive ${document.querySelector('#main')?.dataset.interactive ?? 'no #main'}`;
                }
                """);
        }
        catch (PlaywrightException e)
        {
            return $"at {page.Url}; the page could not be read ({e.Message.Split('\n')[0]})";
        }
    }

    /// <summary>Adds a line to measurements.txt, which CI prints.</summary>
    public static void Measure(string line) =>
        File.AppendAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "measurements.txt"), line + Environment.NewLine);

    /// <summary>Signs in through the real login form and waits until the interactive circuit is up.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email)
    {
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Demo!2025pool");
        await page.ClickAsync("button[type=submit]");
        // Wait for the start page's own markup rather than the load event: through the TLS proxy, Playwright once saw the
        // page load (and the network go idle) yet never ended a wait for "load".
        await page.WaitForURLAsync($"{baseUrl}/", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#main[data-interactive]").WaitForAsync();
    }

    /// <summary>Goes to a page and waits for Blazor's circuit, so the first click is handled (pages are prerendered).</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// Opens a page and expects a field on it; opens it once more when the field has not become visible after 20 s. Behind
    /// the TLS proxy a CI run once found the Book page's site select "not visible" for a whole minute while the screenshot
    /// taken right after showed it; the repeat is counted in measurements.txt with what the browser said about the field,
    /// so it stays visible instead of hiding a product bug.
    /// </summary>
    public static async Task OpenUntilVisibleAsync(IPage page, string url, ILocator field)
    {
        await OpenAsync(page, url);
        try
        {
            await Assertions.Expect(field).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }
        catch (PlaywrightException)
        {
            var state = await field.EvaluateAsync<string>("""
                e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                       return `box ${r.width}x${r.height} at ${r.x},${r.y}, display ${s.display}, visibility ${s.visibility}, ` +
                              `hidden ancestor ${e.closest('[hidden],[style*="display: none"]')?.outerHTML.slice(0, 120) ?? 'none'}`; }
                """);
            Measure($"Browser: {field} not visible 20 s after opening {url} ({state}); opened again");
            await OpenAsync(page, url);
            await Assertions.Expect(field).ToBeVisibleAsync();
        }
    }

    /// <summary>Waits until Blazor has loaded and the page is interactive (after a navigation the app made itself).</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.Locator("#main[data-interactive=yes]").WaitForAsync();
        // On a phone the menu drawer can open as an overlay until the breakpoint is known; a click then only closes it.
        await Assertions.Expect(page.Locator(".mud-overlay:visible")).ToHaveCountAsync(0);
    }

    /// <summary>Makes the demo's key cabinet (open around the clock) the signed-in person's default site, then opens the start page.</summary>
    public static async Task UseKeyCabinetAsync(IPage page)
    {
        await OpenAsync(page, page.Url.Split('/')[0] + "//" + new Uri(page.Url).Authority + "/profile");
        await ChooseAsync(page, page.GetByLabel("Förvald utgångsplats"), "Skogås nyckelskåp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara profil" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Profilen är sparad.")).ToBeVisibleAsync();
        await OpenAsync(page, page.Url.Split('/')[0] + "//" + new Uri(page.Url).Authority + "/");
    }
}
