using Microsoft.Playwright;

namespace FleetPool.Browser.Tests;

/// <summary>
/// What the sign-in page says when the municipality's sign-in did not end in FleetPool: each refusal its own reason and
/// what to do, on a phone, in Swedish and in English.
/// </summary>
public class SignInPageTests(AppProcess app) : IClassFixture<AppProcess>
{
    [Fact]
    public async Task Login_ExternalRefusals_EachSaysWhyOnAPhoneInBothLanguages()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(30_000);
        var alert = page.GetByRole(AriaRole.Alert);
        await Chromium.ShotOnFailureAsync(page, "sign-in-refusals-failed", async () =>
        {
            foreach (var (key, says) in new[]
            {
                ("inactive", "Ditt FleetPool-konto är avstängt"), ("bound", "redan är kopplat till en annan person"),
                ("notallowed", "inte med i någon grupp som får ett"), ("nodepartment", "vilken avdelning du tillhör"),
                ("failed", "avbröts eller misslyckades"), ("unavailable", "svarar inte just nu"),
            })
            {
                await page.GotoAsync($"{app.BaseUrl}/account/login?external={key}");
                await Assertions.Expect(alert).ToContainTextAsync(says);
                Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{key}: the page scrolls sideways");
            }
            await Chromium.ShotAsync(page, "sign-in-unavailable-phone");

            // A value the app never sends says nothing rather than something wrong.
            await page.GotoAsync($"{app.BaseUrl}/account/login?external=bogus");
            await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
            await Assertions.Expect(alert).ToHaveCountAsync(0);

            // In English the same refusal, and the switch returns to the page with its message.
            await page.GotoAsync($"{app.BaseUrl}/account/login?external=inactive");
            await page.GetByText("In English").ClickAsync();
            await Assertions.Expect(alert).ToContainTextAsync("Your FleetPool account is deactivated");
            await Chromium.ShotAsync(page, "sign-in-inactive-phone-en");
            await page.GetByText("På svenska").ClickAsync();
            await Assertions.Expect(alert).ToContainTextAsync("Ditt FleetPool-konto är avstängt");
        }, app);
    }

    [Fact]
    public async Task ReconnectNotice_LostThenFailedOnAPhoneInEnglish_FitsAndOffersAReload()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await Chromium.ShotOnFailureAsync(page, "reconnect-notice-failed", async () =>
        {
            await Chromium.SignInAsync(page, app.BaseUrl, "staff@fleetpool.demo");
            // Right after sign-in, while the circuit may still be starting: the switch is a full load either way.
            await page.GetByText("In English").First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sara Lind" })).ToBeVisibleAsync();
            await Chromium.WaitForCircuitAsync(page);
            var dialog = page.Locator("#components-reconnect-modal");
            foreach (var (state, says) in new[] { ("show", "The connection to the server was lost"), ("failed", "Could not reconnect to the server") })
            {
                // The states Blazor gives the dialog (its class and event), as when the server is gone.
                await page.EvaluateAsync("""
                    state => {
                        const d = document.getElementById("components-reconnect-modal");
                        d.className = "reconnect-dialog components-reconnect-" + state;
                        d.dispatchEvent(new CustomEvent("components-reconnect-state-changed", { detail: { state } }));
                    }
                    """, state);
                await Assertions.Expect(dialog.GetByText(says)).ToBeVisibleAsync();
                var box = (await dialog.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{state}: the notice reaches beyond the phone's width ({box.X}+{box.Width})");
            }
            var reload = dialog.GetByRole(AriaRole.Button, new() { Name = "Reload the page" });
            await Assertions.Expect(reload).ToBeVisibleAsync();
            // Readable: white on the dark green, on an opaque notice.
            Assert.Equal("rgb(255, 255, 255) / 1", await reload.EvaluateAsync<string>("b => getComputedStyle(b).color + ' / ' + getComputedStyle(b.closest('dialog')).opacity"));
            await Chromium.ShotAsync(page, "reconnect-failed-phone-en");
            await page.GotoAsync($"{app.BaseUrl}/culture?name=sv-SE&returnUrl=%2F");
        }, app);
    }
}
