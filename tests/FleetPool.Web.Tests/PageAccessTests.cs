using System.Net;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

/// <summary>Pages through the real cookie sign-in: who reaches which page, and what everyone else gets.</summary>
public class PageAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static readonly TheoryData<string> StaffPages = ["/", "/book", "/bookings", "/profile"];

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Page_Anonymous_RedirectsToLoginWithReturnUrl(string path)
    {
        var response = await BrowserLikeClient.Anonymous(app).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestData.Staff, "/")]
    [InlineData(TestData.Staff, "/book")]
    [InlineData(TestData.Staff, "/bookings")]
    [InlineData(TestData.Lead, "/book")]
    [InlineData(TestData.Fleet, "/bookings")]
    [InlineData(TestData.Admin, "/")]
    [InlineData(TestData.Staff, "/profile")]
    public async Task Page_SignedIn_RendersInSwedish(string email, string path)
    {
        var client = await BrowserLikeClient.SignedInAsync(app, email);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("Logga ut", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestData.Fleet)]
    [InlineData(TestData.Admin)]
    public async Task FleetPage_FleetManagerOrAdmin_Renders(string email)
    {
        var client = await BrowserLikeClient.SignedInAsync(app, email);
        var response = await client.GetAsync("/fleet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fordonsflotta", await TextOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestData.Staff)]
    [InlineData(TestData.Lead)]
    public async Task FleetPage_StaffOrLead_SentToFriendlyForbidden(string email)
    {
        var client = await BrowserLikeClient.SignedInAsync(app, email);
        var response = await client.GetAsync("/fleet");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("Fordonsflotta", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VehiclePage_Staff_DetailsWithoutManagerActions()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        var html = await TextOf(await client.GetAsync($"/fleet/{app.Ids.ElectricCar}"));
        Assert.Contains("Kia e-Niro", html, StringComparison.Ordinal);
        Assert.Contains("Rapportera skada eller tillbud", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ställ av", html, StringComparison.Ordinal);
        var manager = await BrowserLikeClient.SignedInAsync(app, TestData.Fleet);
        Assert.Contains("Ställ av", await TextOf(await manager.GetAsync($"/fleet/{app.Ids.ElectricCar}")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestData.Fleet, "/admin/users", HttpStatusCode.OK)]
    [InlineData(TestData.Admin, "/admin/users", HttpStatusCode.OK)]
    [InlineData(TestData.Staff, "/admin/users", HttpStatusCode.Redirect)]
    [InlineData(TestData.Lead, "/admin/users", HttpStatusCode.Redirect)]
    [InlineData(TestData.Admin, "/admin/audit", HttpStatusCode.OK)]
    [InlineData(TestData.Fleet, "/admin/audit", HttpStatusCode.Redirect)]
    [InlineData(TestData.Fleet, "/fleet/sites", HttpStatusCode.OK)]
    [InlineData(TestData.Admin, "/admin/import", HttpStatusCode.OK)]
    [InlineData(TestData.Fleet, "/admin/import", HttpStatusCode.Redirect)]
    [InlineData(TestData.Fleet, "/fleet/places", HttpStatusCode.OK)]
    [InlineData(TestData.Staff, "/fleet/places", HttpStatusCode.Redirect)]
    [InlineData(TestData.Lead, "/reports/steering", HttpStatusCode.OK)]
    [InlineData(TestData.Fleet, "/reports/steering", HttpStatusCode.OK)]
    [InlineData(TestData.Staff, "/reports/steering", HttpStatusCode.Redirect)]
    [InlineData(TestData.Lead, "/reports/fossil-share", HttpStatusCode.OK)]
    [InlineData(TestData.Fleet, "/reports/fossil-share", HttpStatusCode.OK)]
    [InlineData(TestData.Staff, "/reports/fossil-share", HttpStatusCode.Redirect)]
    [InlineData(TestData.Fleet, "/fleet/phase-out", HttpStatusCode.OK)]
    [InlineData(TestData.Lead, "/fleet/phase-out", HttpStatusCode.Redirect)]
    [InlineData(TestData.Staff, "/fleet/sites", HttpStatusCode.Redirect)]
    [InlineData(TestData.Fleet, "/fleet/stickers", HttpStatusCode.OK)]
    [InlineData(TestData.Fleet, "/fleet/energy", HttpStatusCode.OK)]
    [InlineData(TestData.Lead, "/fleet/energy", HttpStatusCode.Redirect)]
    [InlineData(TestData.Staff, "/fleet/stickers", HttpStatusCode.Redirect)]
    [InlineData(TestData.Staff, "/admin/audit", HttpStatusCode.Redirect)]
    public async Task AdminPages_ByRole_RenderOrForbidden(string email, string path, HttpStatusCode expected)
    {
        var client = await BrowserLikeClient.SignedInAsync(app, email);
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/forbidden", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Home_LeadSeesDepartmentTilesStaffDoesNot()
    {
        var lead = await BrowserLikeClient.SignedInAsync(app, TestData.Lead);
        Assert.Contains("Resor senaste 30 dagarna", await TextOf(await lead.GetAsync("/")), StringComparison.Ordinal);
        var staff = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        Assert.DoesNotContain("Resor senaste 30 dagarna", await TextOf(await staff.GetAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_FormMessageAndNoCookie()
    {
        var client = BrowserLikeClient.Anonymous(app);
        var response = await BrowserLikeClient.SubmitLoginAsync(client, TestData.Staff, "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel e-post eller lösenord.", await TextOf(response), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/book")).StatusCode);
    }

    [Fact]
    public async Task Login_ExternalReturnUrl_StaysOnSite()
    {
        var client = BrowserLikeClient.Anonymous(app);
        var form = await client.GetStringAsync("/account/login?returnUrl=https://evil.example/");
        Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login?returnUrl=https://evil.example/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = TestData.Staff, ["Input.Password"] = TestData.Password,
        }));
        Assert.Equal("localhost", response.Headers.Location?.Host);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Culture_SwitchToEnglish_RememberedByCookie()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        var switched = await client.GetAsync("/culture?name=en-GB&returnUrl=%2Fbook");
        Assert.Equal("/book", switched.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/book");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Book a trip", html, StringComparison.Ordinal);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/book?site=abc&vehicle=1e9")]
    [InlineData("/book?q=%00%FF&site=-1")]
    [InlineData("/v/999999")]
    [InlineData("/s/999999")]
    public async Task BookAndScan_MangledLinks_PageRendersNot500(string url)
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BookPage_SwedishThenEnglish_MudBlazorButtonsNamedInThePageLanguage()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        var swedish = await client.GetStringAsync("/book");
        Assert.Contains("aria-label=\"Öppna kalendern\"", WebUtility.HtmlDecode(swedish), StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Open\"", swedish, StringComparison.Ordinal);
        await client.GetAsync("/culture?name=en-GB&returnUrl=%2Fbook");
        Assert.Contains("aria-label=\"Open\"", await client.GetStringAsync("/book"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_SignedIn_FriendlyPageWith403()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        var response = await client.GetAsync("/forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Du har inte behörighet", await TextOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_Posted_CookieNoLongerSignsIn()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        var page = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/book")).StatusCode);
    }

    [Fact]
    public async Task UnknownPage_SignedIn_FriendlyNotFound()
    {
        var client = await BrowserLikeClient.SignedInAsync(app, TestData.Staff);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await TextOf(response), StringComparison.Ordinal);
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
