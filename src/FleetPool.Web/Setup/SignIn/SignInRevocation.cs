using System.Security.Claims;
using FleetPool.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup.SignIn;

/// <summary>
/// Whether a sign-in (cookie, token or open circuit) still stands: its user is active and its security stamp is the
/// current one (deactivation, a password or role change all renew the stamp).
/// </summary>
public static class SignInRevocation
{
    /// <summary>
    /// True when the principal's user is active and its stamp current. Read from this instance's
    /// <see cref="SignInStates"/>, so a request normally costs no query.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return false;
        }
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var dbs = services.GetRequiredService<IDbContextFactory<FleetPoolDb>>();
        var state = await services.GetRequiredService<SignInStates>().GetAsync(id, async (userId, token) =>
        {
            await using var db = await dbs.CreateDbContextAsync(token);
            return await db.Users.Where(u => u.Id == userId).Select(u => new SignInState(u.IsActive, u.SecurityStamp)).SingleOrDefaultAsync(token);
        }, ct);
        return state is { IsActive: true } && state.SecurityStamp == user.FindFirstValue(stampType);
    }

    /// <summary>Re-checks an open Blazor circuit every minute; a revoked user is signed out of the page at once.</summary>
    internal sealed class CircuitRevalidator(ILoggerFactory logs, IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(logs)
    {
        protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

        protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await IsCurrentAsync(scope.ServiceProvider, state.User, cancellationToken);
        }
    }
}
