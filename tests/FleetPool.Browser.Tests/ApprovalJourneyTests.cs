using System.Diagnostics;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// A department lead decides the demo's booking waiting for their yes (a nine-hour day trip under the "longer than 8 hours"
/// rule): one click to approve at 1366 px; at 390 px the queue and the fleet manager's rules, looked at.
/// </summary>
public class ApprovalJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Fact]
    public async Task Lead_PendingDayTrip_ApprovedInOneClickAndGoneFromTheQueue()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Chromium.ShotOnFailureAsync(page, "approval-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "lead@fleetpool.demo");
            await Chromium.OpenAsync(page, app.BaseUrl + "/approvals");
            var item = page.Locator(".vehicle-row").Filter(new() { HasText = "Heldag med utbildning i Norrtälje" });
            await Assertions.Expect(item).ToBeVisibleAsync();
            await Assertions.Expect(item).ToContainTextAsync("längre än 8 timmar");
            await Chromium.ShotAsync(page, "approvals-desktop");
            var clock = Stopwatch.StartNew();
            await item.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
            await Assertions.Expect(page.GetByText("har fått besked")).ToBeVisibleAsync();
            await Assertions.Expect(item).ToHaveCountAsync(0);
            clock.Stop();
            Chromium.Measure($"Approvals (desktop): a lead approves a waiting booking: 1 interaction, {clock.Elapsed.TotalSeconds:0.0} s to the booker told");
            await Assertions.Expect(page.GetByText("Inget väntar på beslut.")).ToBeVisibleAsync();
        }, app);
    }

    [Fact]
    public async Task FleetManager_ApprovalsPageAtPhoneWidth_RulesShownNothingScrollsSideways()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await Chromium.ShotOnFailureAsync(page, "approval-rules-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
            await Chromium.OpenAsync(page, app.BaseUrl + "/approvals");
            await Assertions.Expect(page.GetByText("Regler för godkännande")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("längre än 8 timmar · bokarens avdelningschef")).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, "approvals-phone");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the approvals page scrolls sideways");
        }, app);
    }
}
