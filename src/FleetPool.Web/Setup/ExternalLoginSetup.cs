using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>Settings section <c>ExternalLogin</c>: the organisation's OpenID Connect provider (e.g. Entra ID). Off by default.</summary>
public sealed class ExternalLoginOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ExternalLogin";

    /// <summary>Shows "sign in with the municipality's account" on the login page.</summary>
    public bool Enabled { get; set; }
    /// <summary>The issuer, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0 (a single tenant, never "common").</summary>
    public string? Authority { get; set; }
    /// <summary>The app registration's client id.</summary>
    public string? ClientId { get; set; }
    /// <summary>The app registration's secret (keep it in user secrets or an environment variable).</summary>
    public string? ClientSecret { get; set; }
    /// <summary>Where the provider sends the browser back; register it with the provider.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("ExternalLogin:Authority must be an https URL when ExternalLogin:Enabled is true.", [nameof(Authority)]);
        }
        if (Enabled && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("ExternalLogin:ClientId is required when ExternalLogin:Enabled is true.", [nameof(ClientId)]);
        }
    }
}

/// <summary>
/// Optional sign-in with the organisation's identity provider. The provider proves who the person is; FleetPool finds the
/// account with the same e-mail address (there is no sign-up), refuses it when inactive, and signs in with the usual
/// Identity cookie, so roles, revocation and circuits work exactly as for a password sign-in.
/// </summary>
public static class ExternalLoginSetup
{
    /// <summary>The authentication scheme name of the provider.</summary>
    public const string Scheme = "oidc";

    private static readonly string[] EmailClaims = ["email", ClaimTypes.Email, "preferred_username", "upn"];

    /// <summary>Registers the OpenID Connect handler when <see cref="ExternalLoginOptions.Enabled"/>.</summary>
    public static IServiceCollection AddFleetPoolExternalLogin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExternalLoginOptions>().BindConfiguration(ExternalLoginOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(ExternalLoginOptions.Section).Get<ExternalLoginOptions>() ?? new();
        if (!settings.Enabled)
        {
            return services;
        }
        services.AddAuthentication().AddOpenIdConnect(Scheme, o =>
        {
            (o.Authority, o.ClientId, o.ClientSecret, o.CallbackPath) = (settings.Authority, settings.ClientId, settings.ClientSecret, settings.CallbackPath);
            (o.ResponseType, o.UsePkce, o.MapInboundClaims, o.GetClaimsFromUserInfoEndpoint) = ("code", true, false, true);
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("email"); // openid and profile are there by default
        });
        return services;
    }

    /// <summary>Maps the challenge and the return from the provider (both 404 while the feature is off).</summary>
    public static void MapExternalLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/external", (string? returnUrl, IOptions<ExternalLoginOptions> options) => options.Value.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = $"/account/external/done?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}" }, [Scheme])
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/account/external/done", async (string? returnUrl, HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<ExternalLoginOptions> options) =>
            {
                if (!options.Value.Enabled)
                {
                    return Results.NotFound();
                }
                var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
                await http.SignOutAsync(IdentityConstants.ExternalScheme);
                var user = external.Succeeded ? await FindAccountAsync(users, external.Principal) : null;
                if (user is null)
                {
                    return Results.LocalRedirect("/account/login?external=unknown");
                }
                await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
                return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// The active account whose e-mail matches the provider's <c>email</c> claim (else <c>preferred_username</c>, which in
    /// Entra ID is the user principal name, usually the e-mail address); null when there is none or it is deactivated.
    /// </summary>
    public static async Task<AppUser?> FindAccountAsync(UserManager<AppUser> users, ClaimsPrincipal principal)
    {
        var email = EmailClaims.Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Contains('@', StringComparison.Ordinal));
        return email is not null && await users.FindByEmailAsync(email.Trim()) is { IsActive: true } user ? user : null;
    }
}
