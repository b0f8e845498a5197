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
        // The start page opens with the scorecard: the sentence, the chart and what to do.
        await Assertions.Expect(page.GetByText("Det här kan ni göra")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".share-chart svg polyline.history")).ToBeVisibleAsync();

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/reports/fossil-share");
        await Assertions.Expect(page.GetByText("Utveckling, procent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync(); // the trend is drawn
        await Assertions.Expect(page.GetByText("målet missades med").First).ToBeVisibleAsync(); // judged at the deadline first
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

    [Theory]
    [InlineData(1366, "desktop")]
    [InlineData(390, "phone")]
    public async Task Scorecard_LeadShareReport_SentenceChartThreeActionsReadableAndPrintsOnA4(int width, string name)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await Chromium.SignInAsync(page, app.BaseUrl, "lead@fleetpool.demo");
        await Chromium.OpenAsync(page, $"{app.BaseUrl}/reports/fossil-share");

        var card = page.Locator("section.scorecard");
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("2025-12-31");       // the deadline's value first
        await Assertions.Expect(card.Locator(".share-chart polyline.history")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".share-chart line.target")).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator(".share-chart line.deadline")).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator("ol.scorecard-actions > li")).ToHaveCountAsync(3);
        // Nothing scrolls sideways on a phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways");
        await Chromium.ShotAsync(page, $"scorecard-{name}");
        await card.ScreenshotAsync(new() { Path = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots", $"scorecard-{name}-card.png") });

        if (width > 1000)
        {
            // The board report on A4: Chromium's own print-to-PDF; buttons and navigation are not printed.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Chromium.ShotAsync(page, "scorecard-print");
            Assert.Equal(0, await page.Locator("section.scorecard button:visible").CountAsync());
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true,
                Path = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots", "scorecard-print.pdf") });
            var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
            Chromium.Measure($"board report print (A4): {pages} page(s)");
            Assert.InRange(pages, 1, 2);
        }
    }
}
