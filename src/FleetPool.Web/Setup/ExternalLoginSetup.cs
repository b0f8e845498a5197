using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FleetPool.Core.Common;
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

    /// <summary>Create an account for a person the provider knows and FleetPool does not (members of <see cref="AllowedGroups"/> only).</summary>
    public bool CreateAccounts { get; set; }

    /// <summary>Provider groups (Entra ID group object ids, or app role names) whose members may get an account on first sign-in.</summary>
    public string[] AllowedGroups { get; set; } = [];

    /// <summary>Provider group (or app role) → FleetPool role. Roles named here follow the groups at every sign-in.</summary>
    public Dictionary<string, string> GroupRoles { get; set; } = [];

    /// <summary>Provider group → the name of the department a new account is placed in.</summary>
    public Dictionary<string, string> GroupDepartments { get; set; } = [];

    /// <summary>A claim that names the department (e.g. "department", as an optional claim in Entra ID); before the group mapping.</summary>
    public string? DepartmentClaim { get; set; }

    /// <summary>
    /// Take the <c>email</c> claim as the person's address even when the provider does not vouch for it (no
    /// <c>email_verified</c> or <c>xms_edov</c> true). Off by default: in Entra ID that claim is whatever the user object's
    /// mail attribute says, which is not proof of owning the address, so an account found by it could be someone else's.
    /// </summary>
    public bool TrustUnverifiedEmail { get; set; }

    /// <summary>The policy these settings describe, for <see cref="ExternalAccounts"/>.</summary>
    public ExternalAccountPolicy Policy() => new(CreateAccounts, AllowedGroups, GroupRoles, GroupDepartments);

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
        if (CreateAccounts && AllowedGroups.Length == 0)
        {
            yield return new ValidationResult("ExternalLogin:AllowedGroups must name at least one group when ExternalLogin:CreateAccounts is true.", [nameof(AllowedGroups)]);
        }
        foreach (var (group, role) in GroupRoles.Where(m => !Roles.All.Contains(m.Value) || m.Value == Roles.Staff))
        {
            yield return new ValidationResult($"ExternalLogin:GroupRoles:{group} must be one of {string.Join(", ", Roles.All.Skip(1))} (was '{role}').", [nameof(GroupRoles)]);
        }
    }
}

/// <summary>
/// Optional sign-in with the organisation's identity provider. The provider proves who the person is; FleetPool resolves
/// the account by the provider's stable subject (binding it on the first sign-in by e-mail), or creates one when the
/// settings allow (<see cref="ExternalAccounts"/> holds the rules), and signs in with the usual Identity cookie, so roles,
/// revocation and circuits work exactly as for a password sign-in.
/// </summary>
public static class ExternalLoginSetup
{
    /// <summary>The authentication scheme name of the provider.</summary>
    public const string Scheme = "oidc";

    private static readonly string[] EmailClaims = ["email", ClaimTypes.Email];
    private static readonly string[] VouchClaims = ["email_verified", "xms_edov"];
    // The sign-in name, which the tenant owns (a member's UPN is in one of its verified domains).
    private static readonly string[] SignInNameClaims = ["upn", "preferred_username"];
    private static readonly string[] SubjectClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", ClaimTypes.NameIdentifier];

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
            // A refused code, a token that does not validate, or the person cancelling at the provider: back to the login page
            // with a message, not a 500.
            o.Events.OnRemoteFailure = context =>
            {
                ExternalLoginLog.Failed(context.HttpContext.RequestServices.GetRequiredService<ILogger<ExternalLoginOptions>>(), context.Failure?.GetType().Name ?? "unknown");
                context.Response.Redirect("/account/login?external=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Maps the challenge and the return from the provider (both 404 while the feature is off).</summary>
    public static void MapExternalLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/external", async (string? returnUrl, HttpContext http, IOptions<ExternalLoginOptions> options, ILogger<ExternalLoginOptions> log) =>
            {
                if (!options.Value.Enabled)
                {
                    return Results.NotFound();
                }
                try
                {
                    await http.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = $"/account/external/done?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}" });
                    return Results.Empty;
                }
                catch (InvalidOperationException e) when (!http.Response.HasStarted)
                {
                    // The provider's metadata could not be read (down, or a certificate not trusted): say so on the login page.
                    log.LogWarning(3003, e, "External sign-in: the identity provider's configuration could not be read");
                    return Results.LocalRedirect("/account/login?external=unavailable");
                }
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/account/external/done", async (string? returnUrl, HttpContext http, ExternalAccounts accounts, SignInManager<AppUser> signIn,
                IOptions<ExternalLoginOptions> options, ILogger<ExternalLoginOptions> log) =>
            {
                if (!options.Value.Enabled)
                {
                    return Results.NotFound();
                }
                var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
                await http.SignOutAsync(IdentityConstants.ExternalScheme);
                var identity = external.Succeeded ? IdentityFrom(external.Principal, options.Value.DepartmentClaim, options.Value.TrustUnverifiedEmail) : null;
                var result = identity is null ? new ExternalSignIn(null, ExternalRefusal.Unknown) : await accounts.SignInAsync(identity, options.Value.Policy(), http.RequestAborted);
                if (result.User is not { } user)
                {
                    ExternalLoginLog.Refused(log, result.Refused ?? ExternalRefusal.Unknown);
                    return Results.LocalRedirect($"/account/login?external={RefusalKey(result.Refused ?? ExternalRefusal.Unknown)}");
                }
                if (result.Created || result.Bound)
                {
                    ExternalLoginLog.Linked(log, user.Id, result.Created);
                }
                await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
                return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// What the provider's claims say, as FleetPool reads them (claims are not renamed: <c>MapInboundClaims</c> is off): the
    /// subject from <c>oid</c> (Entra ID's object id, the same for every app in the tenant), else <c>sub</c>; the e-mail from
    /// <c>email</c> when the provider vouches for it (<c>email_verified</c> or Entra ID's <c>xms_edov</c> true, or
    /// <paramref name="trustUnverifiedEmail"/>), else the sign-in name <c>upn</c> or <c>preferred_username</c> (in Entra ID
    /// usually the address) — an unverified <c>email</c> never finds an account; groups from
    /// <c>groups</c> and app roles from <c>roles</c>; the department from the configured claim. Null without a subject.
    /// </summary>
    public static ExternalIdentity? IdentityFrom(ClaimsPrincipal principal, string? departmentClaim, bool trustUnverifiedEmail = false)
    {
        var subject = SubjectClaims.Select(principal.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (subject is null)
        {
            return null;
        }
        static bool IsAddress(string? v) => !string.IsNullOrWhiteSpace(v) && v.Contains('@', StringComparison.Ordinal);
        var vouched = trustUnverifiedEmail || VouchClaims.Any(c => string.Equals(principal.FindFirstValue(c), "true", StringComparison.OrdinalIgnoreCase));
        var email = (vouched ? EmailClaims.Select(principal.FindFirstValue).FirstOrDefault(IsAddress) : null)
            ?? SignInNameClaims.Select(principal.FindFirstValue).FirstOrDefault(IsAddress);
        var groups = principal.FindAll("groups").Concat(principal.FindAll("roles")).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var department = departmentClaim is { Length: > 0 } ? principal.FindFirstValue(departmentClaim) : null;
        return new ExternalIdentity(Scheme, subject, email?.Trim(), principal.FindFirstValue("name"), groups, department);
    }

    private static string RefusalKey(ExternalRefusal refusal) => refusal switch
    {
        ExternalRefusal.Inactive => "inactive",
        ExternalRefusal.BoundToAnother => "bound",
        ExternalRefusal.NotInAllowedGroup => "notallowed",
        ExternalRefusal.NoDepartment => "nodepartment",
        _ => "unknown",
    };
}

/// <summary>External sign-in log events: the refusal's kind, or the user id of an account bound or created; never the e-mail.</summary>
internal static partial class ExternalLoginLog
{
    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "External sign-in linked user {UserId} to the provider (account created: {Created})")]
    public static partial void Linked(ILogger logger, int userId, bool created);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "External sign-in refused: {Refusal}")]
    public static partial void Refused(ILogger logger, ExternalRefusal refusal);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "External sign-in failed at the callback: {Failure}")]
    public static partial void Failed(ILogger logger, string failure);
}
