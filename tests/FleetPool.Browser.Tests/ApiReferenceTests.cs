using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>The interactive API reference renders in a real browser under the app's headers (its script from the app, no CDN).</summary>
public class ApiReferenceTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Fact]
    public async Task ApiReference_Opened_ListsTheApiOperations()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var blocked = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(m.Text);
            }
        };
        await Chromium.ShotOnFailureAsync(page, "api-reference-failed", async () =>
        {
            await page.GotoAsync($"{app.BaseUrl}/api-reference");
            await Assertions.Expect(page.GetByText("/api/auth/login").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByText("FleetPool API").First).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, "api-reference");
            Assert.Empty(blocked);
        }, app);
    }
}
