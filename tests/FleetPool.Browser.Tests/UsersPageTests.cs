using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>The accounts list a page at a time, found by part of a name or e-mail, at 1366 px and 390 px.</summary>
public class UsersPageTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1366, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task FleetManager_SearchesTheUsers_OnlyMatchesListedAndNoneSaysSo(int width, int height, string tag)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await Chromium.ShotOnFailureAsync(page, $"users-failed-{tag}", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/admin/users");
            var rows = page.Locator("tbody tr.mud-table-row");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            var all = await rows.CountAsync();
            Assert.InRange(all, 2, 50); // the first page of the demo's accounts
            await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"^1–\d+ av \d+$"))).ToBeVisibleAsync();

            await page.GetByLabel("Sök namn eller e-post").FillAsync("SJÖBERG");
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync("erik.sjoberg@fleetpool.demo");
            await Chromium.ShotAsync(page, $"users-search-{tag}");

            await page.GetByLabel("Sök namn eller e-post").FillAsync("ingen-sådan");
            await Assertions.Expect(page.GetByText("Ingen användare matchar ”ingen-sådan”.")).ToBeVisibleAsync();
            await page.GetByLabel("Sök namn eller e-post").FillAsync("");
            await Assertions.Expect(rows).ToHaveCountAsync(all);
        }, app);
    }
}
