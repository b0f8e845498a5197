using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>A department lead in a real browser: the start page, the share report with its chart, English and back.</summary>
public class LeadJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Fact]
    public async Task Lead_ShareReportThenEnglishAndBack_OwnDepartmentChartAndNoMixedLanguage()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Chromium.SignInAsync(page, app.BaseUrl, "lead@fleetpool.demo");
        await Assertions.Expect(page.GetByText("Fossiloberoende fordon").First).ToBeVisibleAsync();

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/reports/fossil-share");
        await Assertions.Expect(page.GetByText("Utveckling, procent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync(); // the trend is drawn
        await Assertions.Expect(page.GetByText("INTE uppnått").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Hela organisationen")).ToHaveCountAsync(0); // a lead sees their own department
        await Chromium.ShotAsync(page, "lead-share-sv");

        await page.GetByText("In English").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fossil-free fleet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Trend, per cent")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Utveckling, procent")).ToHaveCountAsync(0);
        await Chromium.ShotAsync(page, "lead-share-en");

        await page.GetByText("På svenska").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fossilfri fordonsflotta" })).ToBeVisibleAsync();
    }
}
