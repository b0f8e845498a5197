using System.Text.Json;
using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// A fleet manager plans a workshop visit over two bookings (made through the API by two members of staff), moves one and
/// cancels one, and each booker finds the message in their inbox; the vehicle page at 1366 px and 390 px.
/// </summary>
public class MaintenanceJourneyTests(AppProcess app) : IClassFixture<AppProcess>
{
    private const string Password = "Demo!2025pool";

    [Fact]
    public async Task FleetManager_WindowOverTwoBookings_OneMovedOneCancelledBothBookersTold()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var api = await playwright.APIRequest.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var car = await KeyCabinetCarAsync(api);
        var day = DateTime.Today.AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var offset = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm").GetUtcOffset(DateTime.Today.AddDays(12)).Hours;
        await BookAsync(api, "maria.ek@fleetpool.demo", car, $"{day}T09:00:00+0{offset}:00", $"{day}T11:00:00+0{offset}:00", "Verkstadsprov Maria");
        await BookAsync(api, "erik.sjoberg@fleetpool.demo", car, $"{day}T13:00:00+0{offset}:00", $"{day}T15:00:00+0{offset}:00", "Verkstadsprov Erik");

        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Chromium.ShotOnFailureAsync(page, "maintenance-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet/{car}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Planera verkstadsbesök" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Från datum").FillAsync(day);
            await dialog.GetByLabel("Till datum").FillAsync(day);
            await dialog.GetByLabel("Varför (bokarna får se det)").FillAsync("Service och däckbyte");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Visa berörda bokningar" }).ClickAsync();
            await Assertions.Expect(dialog.GetByText("2 bokningar berörs")).ToBeVisibleAsync();
            await dialog.Locator("fieldset").Filter(new() { HasText = "Erik" }).GetByText("Avboka").ClickAsync();
            await Chromium.ShotAsync(page, "maintenance-dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara och meddela bokarna" }).ClickAsync();
            await Assertions.Expect(page.GetByText("1 bokningar flyttade, 1 avbokade")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Service och däckbyte").First).ToBeVisibleAsync(); // the window, and on the timeline
            await Chromium.ShotAsync(page, "vehicle-page-desktop");
            await page.SetViewportSizeAsync(390, 844);
            await Chromium.ShotAsync(page, "vehicle-page-phone");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the vehicle page scrolls sideways");
        }, app);

        foreach (var (email, expected) in new[] { ("maria.ek@fleetpool.demo", "har flyttats till"), ("erik.sjoberg@fleetpool.demo", "avbokades av fordonsansvarig") })
        {
            var inbox = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
            await Chromium.ShotOnFailureAsync(inbox, "maintenance-inbox-failed", async () =>
            {
                await Chromium.SignInAsync(inbox, app.BaseUrl, email);
                await Chromium.OpenAsync(inbox, app.BaseUrl + "/inbox");
                await Assertions.Expect(inbox.GetByText(expected).First).ToBeVisibleAsync();
                await Assertions.Expect(inbox.GetByText("Service och däckbyte").First).ToBeVisibleAsync();
            }, app);
        }
    }

    [Fact]
    public async Task FleetManager_StartPage_ToDoListOneClickDoneAtDesktopAndPhoneInBothLanguages()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await Chromium.ShotOnFailureAsync(page, "todo-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "fleet@fleetpool.demo");
            await Chromium.OpenAsync(page, app.BaseUrl + "/");
            var upkeep = page.Locator("section[data-test=todo] .mud-paper").Filter(new() { HasText = "Service, besiktning och däck" });
            await Assertions.Expect(upkeep).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Väntar på ditt beslut (1)")).ToBeVisibleAsync(); // the demo's pending day trip
            await Chromium.ShotAsync(page, "todo-desktop-sv");
            var before = await upkeep.Locator("li").CountAsync();

            var clock = System.Diagnostics.Stopwatch.StartNew();
            await upkeep.GetByRole(AriaRole.Button, new() { Name = "Klart:" }).First.ClickAsync(); // the one click
            await Assertions.Expect(page.GetByText("Registrerat för")).ToBeVisibleAsync();
            await Assertions.Expect(upkeep.Locator("li")).ToHaveCountAsync(before - 1);
            clock.Stop();
            Chromium.Measure($"To-do: mark an upkeep item done: 1 interaction, {clock.Elapsed.TotalSeconds:0.0} s from the start page to the list without it");

            await page.SetViewportSizeAsync(390, 844);
            await Chromium.OpenAsync(page, app.BaseUrl + "/"); // as a phone opens it: the menu closed
            await Assertions.Expect(upkeep).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, "todo-phone-sv");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the to-do list scrolls sideways");
            await page.GetByText("In English").ClickAsync();
            await Assertions.Expect(page.GetByText("Service, inspection and tyres").First).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, "todo-phone-en");
            await page.SetViewportSizeAsync(1366, 900);
            await Chromium.OpenAsync(page, app.BaseUrl + "/fleet/" + await KeyCabinetCarAsync(await playwright.APIRequest.NewContextAsync(new() { BaseURL = app.BaseUrl })));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upkeep" })).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, "vehicle-page-desktop-en");
            await page.GetByText("På svenska").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Underhåll" })).ToBeVisibleAsync();
        }, app);
    }

    [Fact]
    public async Task Staff_ReportDamageWithAPhotoOnAPhone_ReportFiledAndThePhotoShownOnTheVehiclePage()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var car = await KeyCabinetCarAsync(await playwright.APIRequest.NewContextAsync(new() { BaseURL = app.BaseUrl }));
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await Chromium.ShotOnFailureAsync(page, "damage-photo-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "staff@fleetpool.demo");
            await Chromium.OpenAsync(page, $"{app.BaseUrl}/fleet/{car}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await page.GetByRole(AriaRole.Button, new() { Name = "Rapportera skada eller tillbud" }).ClickAsync();            // 1
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Vad hände?").FillAsync("Repa på höger framdörr");                                        // 2
            await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload                                          // 3
            {
                Name = "repa.png", MimeType = "image/png",
                Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
            });
            await Assertions.Expect(dialog.GetByText("repa.png")).ToBeVisibleAsync();
            await Chromium.ShotAsync(page, "damage-dialog-phone");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();                                     // 4
            await Assertions.Expect(page.GetByText("Tack! Rapporten är skickad")).ToBeVisibleAsync();
            clock.Stop();
            var photo = page.GetByAltText("Bild 1").First;
            await Assertions.Expect(photo).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Repa på höger framdörr").First).ToBeVisibleAsync();
            Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the photo was served to the page");
            await Chromium.ShotAsync(page, "damage-photo-phone");
            Chromium.Measure($"Damage report with a photo (phone): 4 interactions, {clock.Elapsed.TotalSeconds:0.0} s from the vehicle page to the report filed");
        }, app);
    }

    private static async Task<int> KeyCabinetCarAsync(IAPIRequestContext api)
    {
        var fleet = await TokenAsync(api, "fleet@fleetpool.demo");
        var vehicles = JsonDocument.Parse(await (await api.GetAsync("/api/vehicles?kind=car", new() { Headers = Bearer(fleet) })).TextAsync()).RootElement;
        return vehicles.EnumerateArray().First(v => v.GetProperty("name").GetString() == "Kia e-Niro 3").GetProperty("id").GetInt32();
    }

    private static async Task BookAsync(IAPIRequestContext api, string email, int car, string start, string end, string purpose)
    {
        var token = await TokenAsync(api, email);
        var costCenters = JsonDocument.Parse(await (await api.GetAsync("/api/users/me/cost-centers", new() { Headers = Bearer(token) })).TextAsync()).RootElement;
        var response = await api.PostAsync("/api/bookings", new()
        {
            Headers = Bearer(token),
            DataObject = new { vehicleId = car, start, end, purpose, costCenter = costCenters[0].GetProperty("code").GetString(), distanceKm = 25, carReason = "equipment" },
        });
        Assert.True(response.Status == 201, $"booking for {email}: {response.Status} {await response.TextAsync()}");
    }

    private static async Task<string> TokenAsync(IAPIRequestContext api, string email)
    {
        var response = await api.PostAsync("/api/auth/login", new() { DataObject = new { email, password = Password } });
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = $"Bearer {token}" };
}
