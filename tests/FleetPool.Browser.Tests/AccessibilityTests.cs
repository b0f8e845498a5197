using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// axe-core over every page, each as the role that uses it (and the booking results and the login form as a stranger
/// sees them): no serious or critical violation, and no page wider than a 390 px phone. Moderate and minor findings are
/// listed in the output, not failed.
/// </summary>
public class AccessibilityTests(AppProcess app, ITestOutputHelper output) : IClassFixture<AppProcess>
{
    public static readonly TheoryData<string?, string[]> PagesByRole = new()
    {
        { null, ["/account/login"] },
        { "staff@fleetpool.demo", ["/", "/book", "/bookings", "/inbox", "/profile", "/forbidden", "/no-such-page", "vehicle", "/s/1"] },
        { "lead@fleetpool.demo", ["/", "/reports/fossil-share", "/reports/steering", "/reports/follow-up", "/approvals"] },
        { "fleet@fleetpool.demo", ["/fleet", "/fleet/places", "/fleet/sites", "/fleet/phase-out", "/fleet/stickers", "/fleet/energy", "/admin/users", "vehicle", "/approvals"] },
        { "admin@fleetpool.demo", ["/admin/audit", "/admin/import"] },
    };

    // Rendered on the server only (the login form posts; the 403 page sets a status code): never interactive. The 404 page
    // is interactive like the rest (its menu works), so it is scanned once the circuit has taken over the head: scanned
    // before, the interactive <HeadOutlet> can be caught between removing the prerendered <title> and writing its own.
    private static readonly HashSet<string> StaticPages = ["/account/login", "/forbidden"];

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task Pages_ScannedByAxe_NoSeriousOrCriticalViolations(string? email, string[] paths)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        if (email is not null)
        {
            await Chromium.SignInAsync(page, app.BaseUrl, email);
        }
        var findings = new List<string>();
        foreach (var path in paths)
        {
            output.WriteLine($"scanning {path}");
            var url = path == "vehicle" ? await FirstVehicleAsync(page, email!) : app.BaseUrl + path;
            if (email is null || StaticPages.Contains(path))
            {
                await page.GotoAsync(url);
            }
            else
            {
                await Chromium.OpenAsync(page, url);
                await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0); // loaded, not the spinner
            }
            findings.AddRange(await ScanAsync(page, path));
            if (path == "/book")
            {
                await page.GetByLabel("eller avstånd enkel väg (km)").FillAsync("3");
                await Assertions.Expect(page.Locator(".mode-card").First).ToBeVisibleAsync();
                findings.AddRange(await ScanAsync(page, "/book (results)"));
            }
            findings.AddRange(await SidewaysOnPhoneAsync(page, path));
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Chromium.Measure($"Accessibility ({email ?? "signed out"}): {paths.Length} pages scanned, 0 serious or critical, none scrolls sideways at 390 px");
    }

    // The same page on a phone: neither the page nor a part of it (a table in a scrolling box) may scroll sideways.
    private const string SidewaysScrollers = """
        () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => {
            const d = document.documentElement, found = [];
            const name = el => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')}`;
            if (d.scrollWidth > d.clientWidth + 1) {
                let widest = null;
                for (const el of document.querySelectorAll('body *')) {
                    if (!widest || el.getBoundingClientRect().right > widest.getBoundingClientRect().right) widest = el;
                }
                found.push(`the page by ${d.scrollWidth - d.clientWidth} px (widest: ${widest ? name(widest) : '?'})`);
            }
            for (const el of document.querySelectorAll('body *')) {
                const x = getComputedStyle(el).overflowX;
                if ((x === 'auto' || x === 'scroll') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
                    found.push(`${name(el)} by ${el.scrollWidth - el.clientWidth} px`);
            }
            r(found);
        })))
        """;

    private static async Task<IEnumerable<string>> SidewaysOnPhoneAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        // The drawer and the layout animate into their phone form: only what is still too wide once it has settled counts —
        // two readings 300 ms apart that agree, however long a loaded machine takes to get there (at most 15 s).
        var previous = await page.EvaluateAsync<string[]>(SidewaysScrollers);
        string[] settled;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); ; previous = settled)
        {
            await page.WaitForTimeoutAsync(300);
            settled = await page.EvaluateAsync<string[]>(SidewaysScrollers);
            if (settled.SequenceEqual(previous) || DateTime.UtcNow > deadline)
            {
                break;
            }
        }
        await page.SetViewportSizeAsync(1366, 900);
        return settled.Select(s => $"{name}: scrolls sideways at 390 px: {s}");
    }

    private async Task<IEnumerable<string>> ScanAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        foreach (var v in result.Violations.Where(v => v.Impact is not ("serious" or "critical")))
        {
            output.WriteLine($"{name}: {v.Impact} {v.Id} ({v.Nodes.Length}×) {v.Help}");
        }
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Impact} {v.Id} – {v.Help} – {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }

    // A staff member reaches a vehicle page from a booking; a fleet manager from the fleet list.
    private async Task<string> FirstVehicleAsync(IPage page, string email)
    {
        if (email.StartsWith("fleet", StringComparison.Ordinal))
        {
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet");
            var href = await page.Locator("a[href^='fleet/']").First.GetAttributeAsync("href");
            return $"{app.BaseUrl}/{href}";
        }
        return $"{app.BaseUrl}/fleet/1";
    }
}
