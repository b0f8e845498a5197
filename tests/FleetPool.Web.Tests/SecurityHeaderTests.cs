using System.Net;
using System.Text.RegularExpressions;
using FleetPool.Web.Tests.Infrastructure;

namespace FleetPool.Web.Tests;

/// <summary>Every answer carries the security headers; pages a CSP whose nonce is the one their inline import map has.</summary>
public partial class SecurityHeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static void AssertCommon(HttpResponseMessage r)
    {
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", r.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_LoginAndSignedIn_CspWithNonceOfItsOnlyInlineScript()
    {
        foreach (var (client, path) in new[] { (BrowserLikeClient.Anonymous(app), "/account/login"), (await BrowserLikeClient.SignedInAsync(app, TestData.Staff), "/book") })
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            AssertCommon(response);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            var nonce = Regex.Match(csp, "script-src 'self' 'nonce-([^']+)'").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(nonce), csp);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
            Assert.NotEmpty(inline);
            Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Page_TwoRequests_DifferentNonces()
    {
        var client = BrowserLikeClient.Anonymous(app);
        var first = (await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Api_PersonalData_NoStoreAndHeaders()
    {
        var staff = await app.ClientForAsync(TestData.Staff);
        foreach (var path in new[] { "/api/bookings/mine", "/api/notifications" })
        {
            var response = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertCommon(response);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
        }
        var refused = await app.CreateClient().GetAsync("/api/bookings/mine");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertCommon(refused);
    }

    // An inline script: a <script> tag without a src attribute.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
