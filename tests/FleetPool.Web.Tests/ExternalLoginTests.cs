using System.Net;
using System.Security.Claims;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FleetPool.Web.Tests;

/// <summary>The app with sign-in through the municipality's provider switched on; the provider's metadata is given, not fetched.</summary>
public sealed class ExternalLoginApp : SqliteApp
{
    public const string AuthorizeEndpoint = "https://login.kommun.example/oauth2/v2.0/authorize";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ExternalLogin:Enabled", "true");
        builder.UseSetting("ExternalLogin:Authority", "https://login.kommun.example/tenant/v2.0");
        builder.UseSetting("ExternalLogin:ClientId", "fleetpool-test");
        // Configure runs before the handler's post-configure, which then uses this instead of fetching the metadata.
        builder.ConfigureServices(s => s.Configure<OpenIdConnectOptions>(ExternalLoginSetup.Scheme, o =>
            o.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = AuthorizeEndpoint, Issuer = "https://login.kommun.example/tenant/v2.0" }));
    }
}

public class ExternalLoginTests(ExternalLoginApp app) : IClassFixture<ExternalLoginApp>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task LoginPage_ExternalEnabled_OffersTheMunicipalityAccount()
    {
        var page = await Client().GetStringAsync("/account/login?returnUrl=%2Fbook");

        Assert.Contains("Logga in med kommunens konto", page, StringComparison.Ordinal);
        Assert.Contains("/account/external?returnUrl=%2Fbook", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_ExternalEnabled_RedirectsToProviderWithPkceAndCallback()
    {
        var response = await Client().GetAsync("/account/external?returnUrl=%2Fbook");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(ExternalLoginApp.AuthorizeEndpoint + "?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=fleetpool-test", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", location, StringComparison.Ordinal);
        Assert.Contains("scope=openid profile email", Uri.UnescapeDataString(location.Replace('+', ' ')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_WithoutProviderSignIn_BackToLoginWithMessage()
    {
        var response = await Client().GetAsync("/account/external/done?returnUrl=%2Fbook");

        Assert.Equal("/account/login?external=unknown", response.Headers.Location!.ToString());
        var page = await Client().GetStringAsync("/account/login?external=unknown");
        Assert.Contains("inget aktivt FleetPool-konto har din e-postadress", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("email", "STAFF@test.se", "email_verified", true)]
    [InlineData("email", "staff@test.se", "xms_edov", true)]
    [InlineData("email", "staff@test.se", null, false)] // an address the provider does not vouch for finds nobody
    [InlineData("preferred_username", "staff@test.se", null, true)]
    [InlineData("upn", "staff@test.se", null, true)]
    [InlineData("email", "leaver@test.se", "email_verified", false)]
    [InlineData("email", "stranger@test.se", "email_verified", false)]
    [InlineData("name", "Staff Person", null, false)]
    public async Task SignIn_ProviderClaimsMatchOnly_ActiveAccountByVouchedEmailOrSignInName(string claim, string value, string? vouchedBy, bool found)
    {
        await app.Services.GetRequiredService<UserAccounts>().DeactivateAsync(FleetPool.Core.Common.Actor.Of(app.Ids.Admin, FleetPool.Core.Common.Roles.Admin), app.Ids.Leaver);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        // One person (one subject) for the rows that find the account: the first binds it, the next finds it by subject.
        var subject = found ? "oid-of-staff" : Guid.NewGuid().ToString();
        Claim[] claims = [new("oid", subject), new(claim, value), .. vouchedBy is null ? Array.Empty<Claim>() : [new Claim(vouchedBy, "true")]];
        var identity = ExternalLoginSetup.IdentityFrom(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")), null)!;

        var result = await scope.ServiceProvider.GetRequiredService<ExternalAccounts>().SignInAsync(identity, ExternalAccountPolicy.MatchOnly);

        Assert.Equal(found ? app.Ids.Staff : (int?)null, result.User?.Id);
        Assert.True(found || value != "leaver@test.se" || await users.FindByEmailAsync(value) is { IsActive: false }, "the leaver must exist, deactivated");
    }

    [Fact]
    public void IdentityFrom_NoSubjectClaim_Null() =>
        Assert.Null(ExternalLoginSetup.IdentityFrom(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "staff@test.se")], "oidc")), null));
}

public class ExternalLoginOffTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Challenge_ExternalDisabled_NotFoundAndNoButton()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/external")).StatusCode);
        Assert.DoesNotContain("kommunens konto", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }
}

/// <summary>Sign-in through the provider switched on, but the provider cannot be reached (its metadata is fetched and fails).</summary>
public sealed class UnreachableProviderApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ExternalLogin:Enabled", "true");
        builder.UseSetting("ExternalLogin:Authority", "https://127.0.0.1:1/tenant/v2.0"); // nothing listens on port 1
        builder.UseSetting("ExternalLogin:ClientId", "fleetpool-test");
    }
}

public class UnreachableProviderTests(UnreachableProviderApp app) : IClassFixture<UnreachableProviderApp>
{
    [Fact]
    public async Task Challenge_ProviderUnreachable_BackToLoginSayingSoNot500()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/external?returnUrl=%2Fbook");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?external=unavailable", response.Headers.Location!.ToString());
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Kommunens inloggningstjänst svarar inte just nu", page, StringComparison.Ordinal);
    }
}
