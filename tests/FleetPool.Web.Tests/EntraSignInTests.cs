using System.Net;
using System.Security.Cryptography;
using System.Security.Claims;
using System.Web;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FleetPool.Web.Tests;

/// <summary>
/// The app with Entra ID sign-in as a municipality sets it up: accounts bound to the provider's subject, roles from group
/// claims, and accounts made on first sign-in for members of an allowed group. The provider's back channel is a real
/// <see cref="TestIssuer"/> that signs its id_tokens; its public key is given to the app as the provider's metadata would.
/// </summary>
public sealed class EntraApp : SqliteApp
{
    public const string StaffGroup = "6f1d2c3b-0000-4000-8000-000000000001", FleetGroup = "6f1d2c3b-0000-4000-8000-000000000002";

    public TestIssuer Issuer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ExternalLogin:Enabled", "true");
        builder.UseSetting("ExternalLogin:Authority", TestIssuer.Issuer);
        builder.UseSetting("ExternalLogin:ClientId", TestIssuer.ClientId);
        builder.UseSetting("ExternalLogin:ClientSecret", TestIssuer.ClientSecret);
        builder.UseSetting("ExternalLogin:CreateAccounts", "true");
        builder.UseSetting("ExternalLogin:AllowedGroups:0", StaffGroup);
        builder.UseSetting($"ExternalLogin:GroupRoles:{FleetGroup}", Roles.FleetManager);
        builder.UseSetting($"ExternalLogin:GroupDepartments:{StaffGroup}", "Hemtjänst");
        builder.ConfigureServices(s => s.Configure<OpenIdConnectOptions>(ExternalLoginSetup.Scheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration
            {
                Issuer = TestIssuer.Issuer, AuthorizationEndpoint = $"{TestIssuer.Issuer}/authorize", TokenEndpoint = Issuer.TokenEndpoint, UserInfoEndpoint = Issuer.UserInfoEndpoint,
            };
            configuration.SigningKeys.Add(Issuer.SigningKey);
            o.Configuration = configuration;
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

public class EntraSignInTests(EntraApp app) : IClassFixture<EntraApp>
{
    // The address as Entra ID vouches for it: the email claim with xms_edov (the domain's owner verified it).
    private static Claim[] Person(string oid, string? email, params string[] groups) =>
        [new("sub", $"pairwise-{oid}"), new("oid", oid), new("name", "Kim Testsson"), .. email is null ? Array.Empty<Claim>() : [new Claim("email", email), new Claim("xms_edov", "true")],
         .. groups.Select(g => new Claim("groups", g))];

    /// <summary>
    /// The whole code flow over https: the challenge, the person signing in at the provider, the form post back to
    /// /signin-oidc (the app redeems the code with PKCE and checks the signed id_token), then FleetPool's own sign-in.
    /// Returns where the browser ends up and the client, which carries the cookies.
    /// </summary>
    private async Task<(string Location, HttpClient Client)> SignInAsync(params Claim[] claims)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var challenge = await client.GetAsync("/account/external?returnUrl=%2Fbook");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        var code = app.Issuer.Authorize(claims, query["nonce"]!, query["code_challenge"]!);
        var callback = await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"]! }));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"callback: {(int)callback.StatusCode} {string.Join(";", app.Issuer.Refusals)}");
        var done = await client.GetAsync(callback.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return (done.Headers.Location!.ToString(), client);
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    [Fact]
    public async Task SignIn_KnownEmailThenEmailChangedAtProvider_BoundToSubjectSameAccount()
    {
        var oid = Guid.NewGuid().ToString();
        var (first, client) = await SignInAsync(Person(oid, TestData.Staff));
        Assert.Equal("/book", first);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/book")).StatusCode); // signed in: the page is served, not the login
        var logins = await WithUsersAsync(async u => await u.GetLoginsAsync((await u.FindByEmailAsync(TestData.Staff))!));
        Assert.Equal(oid, Assert.Single(logins, l => l.LoginProvider == ExternalLoginSetup.Scheme).ProviderKey);

        // The person's address changes at the provider (a new name, say): the subject still finds the same account.
        var (again, _) = await SignInAsync(Person(oid, "sara.nytt.namn@kommun.example"));
        Assert.Equal("/book", again);
        Assert.Null(await WithUsersAsync(u => u.FindByEmailAsync("sara.nytt.namn@kommun.example"))); // no second account
    }

    [Fact]
    public async Task SignIn_EmailOfAnAccountBoundToAnotherSubject_Refused()
    {
        await SignInAsync(Person(Guid.NewGuid().ToString(), TestData.Lead)); // binds the lead's account to one person

        var (location, _) = await SignInAsync(Person(Guid.NewGuid().ToString(), TestData.Lead)); // the address, reissued to someone else

        Assert.Equal("/account/login?external=bound", location);
    }

    [Fact]
    public async Task SignIn_UnverifiedEmailOfAnAccount_NotBoundToIt()
    {
        // Anyone who can set a user object's mail attribute could otherwise take over the admin's account.
        var stranger = Guid.NewGuid().ToString();
        var (location, _) = await SignInAsync(new("sub", $"pairwise-{stranger}"), new("oid", stranger), new("email", TestData.Admin), new("upn", "someone.else@kommun.example"));

        Assert.Equal("/account/login?external=notallowed", location);
        var admin = (await WithUsersAsync(u => u.FindByEmailAsync(TestData.Admin)))!;
        Assert.Empty(await WithUsersAsync(u => u.GetLoginsAsync(admin)));
    }

    [Fact]
    public async Task SignIn_FleetGroupAddedThenRemoved_RoleFollowsTheGroup()
    {
        var oid = Guid.NewGuid().ToString();
        await SignInAsync(Person(oid, TestData.Unlicensed, EntraApp.FleetGroup));
        Assert.Contains(Roles.FleetManager, await WithUsersAsync(async u => await u.GetRolesAsync((await u.FindByEmailAsync(TestData.Unlicensed))!)));

        await SignInAsync(Person(oid, TestData.Unlicensed));

        var roles = await WithUsersAsync(async u => await u.GetRolesAsync((await u.FindByEmailAsync(TestData.Unlicensed))!));
        Assert.DoesNotContain(Roles.FleetManager, roles);
        Assert.Contains(Roles.Staff, roles);
    }

    [Fact]
    public async Task SignIn_UnknownPersonInAllowedGroup_AccountCreatedInMappedDepartmentAndBound()
    {
        var oid = Guid.NewGuid().ToString();
        var email = $"ny.{oid[..8]}@kommun.example";

        var (location, _) = await SignInAsync(Person(oid, email, EntraApp.StaffGroup));

        Assert.Equal("/book", location);
        var (user, roles, logins) = await WithUsersAsync(async u =>
        {
            var created = (await u.FindByEmailAsync(email))!;
            return (created, await u.GetRolesAsync(created), await u.GetLoginsAsync(created));
        });
        Assert.Equal(app.Ids.Department, user.DepartmentId);
        Assert.Equal("Kim Testsson", user.DisplayName);
        Assert.Equal([Roles.Staff], roles);
        Assert.False(await WithUsersAsync(u => u.HasPasswordAsync(user)));
        Assert.Equal(oid, Assert.Single(logins).ProviderKey);
    }

    [Theory]
    [InlineData(false, "notallowed")]
    [InlineData(true, "nodepartment")]
    public async Task SignIn_UnknownPersonWithoutAllowedGroupOrDepartment_RefusedNoAccount(bool inAllowedGroupButNoDepartment, string refusal)
    {
        var email = $"okand.{Guid.NewGuid():N}@kommun.example";
        // Only in the fleet group (not an allowed one); or in the allowed group while its mapped department is not one
        // FleetPool knows (renamed for the test).
        var claims = inAllowedGroupButNoDepartment
            ? Person(Guid.NewGuid().ToString(), email, EntraApp.StaffGroup)
            : Person(Guid.NewGuid().ToString(), email, EntraApp.FleetGroup);
        if (inAllowedGroupButNoDepartment)
        {
            await RenameDepartmentAsync("Hemtjänst", "Hemtjänst (vilande)");
        }
        try
        {
            var (location, _) = await SignInAsync(claims);

            Assert.Equal($"/account/login?external={refusal}", location);
            Assert.Null(await WithUsersAsync(u => u.FindByEmailAsync(email)));
        }
        finally
        {
            if (inAllowedGroupButNoDepartment)
            {
                await RenameDepartmentAsync("Hemtjänst (vilande)", "Hemtjänst");
            }
        }
    }

    [Fact]
    public async Task SignIn_DeactivatedAccount_RefusedSayingSo()
    {
        await app.Services.GetRequiredService<UserAccounts>().DeactivateAsync(Actor.Of(app.Ids.Admin, Roles.Admin), app.Ids.Leaver);
        var (location, client) = await SignInAsync(Person(Guid.NewGuid().ToString(), TestData.Leaver, EntraApp.StaffGroup));

        Assert.Equal("/account/login?external=inactive", location);
        Assert.Contains("Ditt FleetPool-konto är avstängt", await client.GetStringAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_CodeFromAnotherChallenge_RefusedBackToLoginNoSignIn()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var query = HttpUtility.ParseQueryString((await client.GetAsync("/account/external")).Headers.Location!.Query);
        var stolen = app.Issuer.Authorize(Person(Guid.NewGuid().ToString(), TestData.Staff), query["nonce"]!, "a-challenge-of-another-browser");

        var callback = await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = stolen, ["state"] = query["state"]! }));

        Assert.Contains("PKCE verifier", app.Issuer.Refusals);
        Assert.Equal("/account/login?external=failed", callback.Headers.Location!.ToString());
        Assert.DoesNotContain(SetCookies(callback), c => c.StartsWith("FleetPool.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_IdTokenSignedByAnotherKey_RefusedBackToLoginNoSignIn()
    {
        app.Issuer.ForgeWith = new RsaSecurityKey(RSA.Create(2048)) { KeyId = app.Issuer.SigningKey.KeyId }; // same key id, not the provider's key
        try
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            var query = HttpUtility.ParseQueryString((await client.GetAsync("/account/external")).Headers.Location!.Query);
            var code = app.Issuer.Authorize(Person(Guid.NewGuid().ToString(), TestData.Admin), query["nonce"]!, query["code_challenge"]!);

            var callback = await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"]! }));

            Assert.Equal("/account/login?external=failed", callback.Headers.Location!.ToString());
            Assert.DoesNotContain(SetCookies(callback), c => c.StartsWith("FleetPool.Auth", StringComparison.Ordinal));
            Assert.Contains("avbröts eller misslyckades", await client.GetStringAsync(callback.Headers.Location), StringComparison.Ordinal);
        }
        finally
        {
            app.Issuer.ForgeWith = null;
        }
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private async Task RenameDepartmentAsync(string from, string to) =>
        await app.QueryAsync(async db =>
        {
            var unit = db.OrgUnits.Single(u => u.Name == from);
            unit.Name = to;
            return await db.SaveChangesAsync();
        });
}
