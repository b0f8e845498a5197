using System.Security.Claims;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>The authorization policies every endpoint names explicitly.</summary>
public static class Policies
{
    /// <summary>Any signed-in, active user.</summary>
    public const string Staff = "staff";
    /// <summary>Those who read department reports: department leads (Core limits them to their own), fleet managers, admins.</summary>
    public const string Reports = "reports";
    /// <summary>Fleet managers and admins.</summary>
    public const string FleetManager = "fleetManager";
    /// <summary>Admins only.</summary>
    public const string Admin = "admin";
}

/// <summary>Identity on the app database, bearer tokens for the API, and the role policies.</summary>
public static class AuthSetup
{
    private const string Smart = "FleetPool";

    /// <summary>Registers Identity (no sign-up), the cookie and bearer schemes, the revocation check and the policies.</summary>
    public static IServiceCollection AddFleetPoolAuth(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<int>>()
            .AddEntityFrameworkStores<FleetPoolDb>()
            .AddClaimsPrincipalFactory<FleetPoolClaims>()
            .AddErrorDescriber<LocalisedIdentityErrors>()
            .AddSignInManager();
        // Pages use the Identity cookie; /api uses bearer tokens only, so it answers 401/403 and never redirects.
        services.AddAuthentication(o => (o.DefaultScheme, o.DefaultChallengeScheme) = (Smart, Smart))
            .AddPolicyScheme(Smart, "Cookie for pages, bearer for the API", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            (o.LoginPath, o.LogoutPath, o.AccessDeniedPath) = ("/account/login", "/account/logout", "/forbidden");
            (o.ExpireTimeSpan, o.SlidingExpiration) = (TimeSpan.FromHours(8), true);
            o.Cookie.Name = "FleetPool.Auth";
            o.Events.OnSigningIn = context =>
            {
                context.Properties.Items[SignedInAt] = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O");
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = RejectPastAbsoluteLifetimeAsync;
            // Signing in on the login page redirects to its returnUrl: local and ASCII like every other redirect (raw, Kestrel answers 500).
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.OrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SignInRevocation.CircuitRevalidator>();
        // SQLite serves one instance, whose own saves reach the cache; on PostgreSQL other instances' reach it by NOTIFY.
        services.AddSingleton(sp =>
        {
            var states = new SignInStates();
            states.SetComplete(!sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres);
            return states;
        });
        services.AddSingleton<SignInChangeInterceptor>();
        services.AddHostedService<PostgresSignInListener>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.DepartmentLead, Roles.FleetManager, Roles.Admin))
            .AddPolicy(Policies.FleetManager, p => p.RequireRole(Roles.FleetManager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    private const string SignedInAt = "fleetpool.signedInAt";

    // Sliding renewal keeps the properties, so the first sign-in time survives it: past the absolute lifetime the cookie is void.
    private static async Task RejectPastAbsoluteLifetimeAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var hours = services.GetRequiredService<IOptions<SecurityOptions>>().Value.CookieAbsoluteHours;
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var text) || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var at) || services.GetRequiredService<TimeProvider>().GetUtcNow() >= at.AddHours(hours))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>The Core actor for a signed-in principal.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Refuses a token at once when its user was deactivated or its security stamp changed (password, roles): every
    /// authenticated request checks the two columns, as this instance's cache of them (<see cref="SignInStates"/>) holds them. Failing the authenticate result (not just
    /// swapping the principal) makes authorization challenge with 401 rather than forbid with 403.
    /// </summary>
    public static IApplicationBuilder UseRevocationCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (context.Features.Get<IAuthenticateResultFeature>() is { } feature)
            {
                feature.AuthenticateResult = AuthenticateResult.Fail("The account was deactivated or its sign-in was revoked.");
            }
        }
        await next(context);
    });

    private static Task<bool> IsCurrentAsync(HttpContext context) =>
        SignInRevocation.IsCurrentAsync(context.RequestServices, context.User, context.RequestAborted);
}
