using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>One's own data from the profile (GDPR art. 15): a download that is the person's file, at 1366 px and 390 px.</summary>
public class ProfilePageTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Theory]
    [InlineData(1366, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Staff_DownloadsTheirData_TheFileIsTheirs(int width, int height, string tag)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        await Chromium.ShotOnFailureAsync(page, $"profile-data-failed-{tag}", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "staff@fleetpool.demo");
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/profile");
            var button = page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner mina uppgifter" });
            await button.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(button).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, $"profile-data-{tag}");

            var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());

            Assert.StartsWith("fleetpool-personal-data-", download.SuggestedFilename, StringComparison.Ordinal);
            var path = await download.PathAsync();
            using var data = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path!));
            Assert.Equal("staff@fleetpool.demo", data.RootElement.GetProperty("profile").GetProperty("email").GetString());
        }, app);
    }
}
