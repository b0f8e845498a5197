using System.Net;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>The app behind a TLS-terminating proxy at 10.9.9.9, which it is told to trust.</summary>
public sealed class ProxiedApp : SqliteApp
{
    public const string Proxy = "10.9.9.9";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hosting:KnownProxies:0", Proxy);
    }
}

/// <summary>Forwarded headers are trusted from the configured proxy only; the sign-in keys are encrypted in the database.</summary>
public class ProxyAndKeyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private Task<HttpContext> GetAsync(string path, string from) => app.Server.SendAsync(c =>
    {
        (c.Request.Method, c.Request.Path) = ("GET", path);
        c.Request.Headers["X-Forwarded-Proto"] = "https";
        c.Request.Headers["X-Forwarded-Host"] = "fleet.kommun.se";
        c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        c.Connection.RemoteIpAddress = IPAddress.Parse(from);
    });

    [Fact]
    public async Task Request_ThroughKnownProxy_HttpsPublicHostSecureCookiesAndHsts()
    {
        var page = await GetAsync("/account/login", ProxiedApp.Proxy);
        var redirect = await GetAsync("/bookings", ProxiedApp.Proxy);

        Assert.Equal("max-age=31536000; includeSubDomains", page.Response.Headers.StrictTransportSecurity.ToString()); // a year, not the default 30 days
        Assert.All(page.Response.Headers.SetCookie, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(page.Response.Headers.SetCookie.Count > 0);
        Assert.StartsWith("https://fleet.kommun.se/account/login", redirect.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ForwardedHeadersFromAnyoneElse_Ignored()
    {
        var page = await GetAsync("/account/login", "10.1.1.1");
        var redirect = await GetAsync("/bookings", "10.1.1.1");

        Assert.Equal("", page.Response.Headers.StrictTransportSecurity.ToString());
        Assert.DoesNotContain(page.Response.Headers.SetCookie, c => c!.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("fleet.kommun.se", redirect.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_InDatabase_EncryptedWithCertificate()
    {
        await app.ClientForAsync(TestData.Staff); // issues a token, so a key exists

        var keys = await app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml.Split("encryptedSecret")[0], StringComparison.Ordinal); // only inside the encrypted part
        });
    }
}
