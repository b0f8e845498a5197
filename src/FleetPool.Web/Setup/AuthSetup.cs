using System.Security.Claims;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>The authorization policies every endpoint names explicitly.</summary>
public static class Policies
{
    /// <summary>Any signed-in, active user.</summary>
    public const string Staff = "staff";
    /// <summary>Fleet managers and admins.</summary>
    public const string FleetManager = "fleetManager";
    /// <summary>Admins only.</summary>
    public const string Admin = "admin";
}

/// <summary>Identity on the app database, bearer tokens for the API, and the role policies.</summary>
public static class AuthSetup
{
    /// <summary>Registers Identity (no sign-up), the bearer scheme, the revocation check and the policies.</summary>
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
            .AddSignInManager();
        services.AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.AddScoped<IClaimsTransformation, ActiveUserCheck>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.FleetManager, p => p.RequireRole(Roles.FleetManager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>The Core actor for a signed-in principal.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture),
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Refuses a token at once when its user was deactivated or its security stamp changed (password, roles):
    /// every request re-reads the two columns by primary key.
    /// </summary>
    private sealed class ActiveUserCheck(FleetPoolDb db, IOptions<IdentityOptions> identity) : IClaimsTransformation
    {
        public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            if (principal.Identity?.IsAuthenticated != true
                || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            {
                return principal;
            }
            var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var user = await db.Users.Where(u => u.Id == id).Select(u => new { u.IsActive, u.SecurityStamp }).SingleOrDefaultAsync();
            return user is { IsActive: true } && user.SecurityStamp == stamp ? principal : new ClaimsPrincipal(new ClaimsIdentity());
        }
    }
}
