using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>A fleet manager phases out a fossil car in a real browser: adds an electric car, retires a petrol car, recounts the share.</summary>
public partial class FleetManagerJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Fact]
    public async Task FleetManager_ClearsEveryOpeningTime_SaveRefusedSayingWhyNothingSaved()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Chromium.ShotOnFailureAsync(page, "site-rules-week-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet/sites");
            var site = page.Locator(".mud-paper").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Kommunalhuset" }) });
            var opens = site.GetByLabel("Öppnar");
            Assert.True(await opens.CountAsync() >= 5, "the weekdays' opening times");
            for (var i = 0; i < await opens.CountAsync(); i++)
            {
                await opens.Nth(i).FillAsync("");
                await opens.Nth(i).PressAsync("Tab");
            }
            await site.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

            // A refusal no single field can show is said where the person looks: above the button.
            await Assertions.Expect(site.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange öppettider för minst en dag");
            await Chromium.ShotAsync(page, "site-rules-week-refused");
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet/sites");
            await Assertions.Expect(page.Locator(".mud-paper").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Kommunalhuset" }) })
                .GetByLabel("Öppnar").First).ToHaveValueAsync("07:00");
        }, app);
    }

    [Fact]
    public async Task FleetManager_AddElectricRetirePetrolRunShareJob_ShareRises()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/reports/fossil-share");
        var (freeBefore, totalBefore) = await ShareTileAsync(page);
        await Chromium.ShotAsync(page, "fleet-share-before");

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till fordon" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Chromium.ChooseAsync(page, dialog.GetByLabel("Typ"), "Bil");
        await dialog.GetByLabel("Namn").FillAsync("Kia e-Niro (webbläsartest)");
        await dialog.GetByLabel("Regnummer").FillAsync("WEB 123");
        await Chromium.ChooseAsync(page, dialog.GetByLabel("Bränsle"), "El");
        await Chromium.ChooseAsync(page, dialog.GetByLabel("Plats", new() { Exact = true }), null);
        await Chromium.ChooseAsync(page, dialog.GetByLabel("Ägande avdelning"), null);
        await dialog.GetByLabel("Räckvidd (km)").FillAsync("450");
        await dialog.GetByLabel("Platser").FillAsync("5");
        await Chromium.ShotAsync(page, "fleet-add-vehicle");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kia e-Niro (webbläsartest)" })).ToBeVisibleAsync();

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet");
        await page.GetByLabel("Sök namn eller regnummer").FillAsync("Toyota Yaris");
        var petrol = page.GetByRole(AriaRole.Link, new() { NameRegex = YarisPattern() }).First;
        var petrolName = await petrol.InnerTextAsync();
        await petrol.ClickAsync();
        await Chromium.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ställ av" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Ställ av {petrolName}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ställ av" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Avställd").First).ToBeVisibleAsync();
        await Chromium.ShotAsync(page, "fleet-retired");

        await Chromium.OpenAsync(page, $"{app.BaseUrl}/reports/fossil-share");
        await page.GetByRole(AriaRole.Button, new() { Name = "Räkna om nu" }).ClickAsync();
        await Assertions.Expect(page.GetByText("ögonblicksbilder sparade för i går och i dag")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"({freeBefore + 1}/{totalBefore})")).ToBeVisibleAsync();
        var (freeAfter, totalAfter) = await ShareTileAsync(page);
        Assert.True((double)freeAfter / totalAfter > (double)freeBefore / totalBefore, $"{freeBefore}/{totalBefore} → {freeAfter}/{totalAfter}");
        await Chromium.ShotAsync(page, "fleet-share-after");
    }

    [Theory]
    [InlineData(1366, "desktop")]
    [InlineData(390, "phone")]
    public async Task FleetManager_CorrectsOdometerOnVehiclePage_FourInteractionsReadingLower(int width, string label)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
        await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet");
        await page.GetByLabel("Sök namn eller regnummer").FillAsync(width > 500 ? "Skoda Octavia TDI 1" : "Skoda Octavia TDI 4");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = OctaviaPattern() }).First.ClickAsync();
        await Chromium.WaitForCircuitAsync(page);
        var before = int.Parse(DigitsPattern().Replace(OdometerPattern().Match(await page.GetByText(OdometerPattern()).InnerTextAsync()).Groups[1].Value, ""), CultureInfo.InvariantCulture);

        await Chromium.ShotOnFailureAsync(page, $"fleet-odometer-{label}", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Rätta mätarställning" }).ClickAsync();                 // 1
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Rätt mätarställning, km").FillAsync((before - 100).ToString(CultureInfo.InvariantCulture)); // 2
            await dialog.GetByLabel("Skäl (krävs)").FillAsync("Felskrivet vid återlämning, enligt foto av mätaren");      // 3
            await Chromium.ShotAsync(page, $"fleet-odometer-{label}");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();                               // 4
            await Assertions.Expect(page.GetByText("Mätarställningen är rättad.")).ToBeVisibleAsync();
        }, app);

        var after = int.Parse(DigitsPattern().Replace(OdometerPattern().Match(await page.GetByText(OdometerPattern()).InnerTextAsync()).Groups[1].Value, ""), CultureInfo.InvariantCulture);
        Assert.Equal(before - 100, after);
    }

    [Theory]
    [InlineData(1366, "desktop")]
    [InlineData(390, "phone")]
    public async Task FleetManager_AddsConfidentialPlaceOwnedByHomeCare_ListedWithLock(int width, string label)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
        await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet/places");
        var name = $"Brukare {label} (skyddad)";

        await Chromium.ShotOnFailureAsync(page, $"fleet-place-{label}", async () =>
        {
            await page.GetByLabel("Namn", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("Latitud").FillAsync("59,2301");
            await page.GetByLabel("Longitud").FillAsync("17,9402");
            await page.GetByText("Skyddad plats: bokningar sparar bara avståndet").ClickAsync();
            await Chromium.ChooseAsync(page, page.GetByLabel("Ägande avdelning (dess personal ser adressen)"), "Hemtjänst (Socialnämnden)");
            await Chromium.ShotAsync(page, $"fleet-place-{label}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till plats" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"{name} är tillagd.")).ToBeVisibleAsync();
        }, app);
    }

    [GeneratedRegex("^Skoda Octavia")]
    private static partial Regex OctaviaPattern();

    [GeneratedRegex(@"Senaste mätarställning: ([\d\s\u00a0]+) km")]
    private static partial Regex OdometerPattern();

    [GeneratedRegex(@"\D")]
    private static partial Regex DigitsPattern();

    // Reads "71,4 % (30/42)" from the headline tile (the official definition): what the fleet manager reads.
    private static async Task<(int Free, int Total)> ShareTileAsync(IPage page)
    {
        var tile = page.Locator(".mud-paper").Filter(new() { HasTextRegex = TilePattern() });
        await Assertions.Expect(tile).ToHaveCountAsync(1);
        var match = SharePattern().Match(await tile.InnerTextAsync());
        Assert.True(match.Success, await tile.InnerTextAsync());
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\((\d+)/(\d+)\)")]
    private static partial Regex SharePattern();

    [GeneratedRegex(@"^\s*Fossiloberoende \(Miljöfordon, efter godkännande\)\s*[\d,]+\s*%\s*\(\d+/\d+\)\s*Rubriktalet\s*$")]
    private static partial Regex TilePattern();

    [GeneratedRegex("^Toyota Yaris")]
    private static partial Regex YarisPattern();
}
